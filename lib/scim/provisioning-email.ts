import "server-only";
import type { Tx } from "@/lib/server/db";
import { ZEmail } from "@/lib/orgs/schemas";
import type { TUserDocument } from "./documents";
import { scimBadRequest } from "./errors";

/**
 * The address a SCIM user is linked by: the userName when it is an email address, else the
 * primary or work email (Entra's userName is often a UPN or an opaque name), whichever first lies
 * in a domain this org claimed. A domain claim is what makes the org's IdP the authority for an
 * address, so an address outside the claimed domains is refused: it could belong to someone the
 * org does not manage.
 */
export async function provisioningEmail(tx: Tx, orgId: string, doc: TUserDocument): Promise<string> {
  const emails = doc.emails ?? [];
  const candidates = [
    doc.userName,
    emails.find((e) => e.primary === true)?.value,
    emails.find((e) => e.type?.toLowerCase() === "work")?.value,
  ].flatMap((value) => {
    const parsed = ZEmail.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
  const claimed = (await tx.ssoDomain.findMany({ where: { orgId }, select: { domain: true } })).map((d) => d.domain);
  if (claimed.length === 0) {
    throw scimBadRequest(
      "invalidValue",
      "This organization has not claimed an email domain yet: claim one in Settings → Single sign-on before provisioning people.",
    );
  }
  const email = candidates.find((c) => claimed.includes(c.slice(c.lastIndexOf("@") + 1)));
  if (email) return email;
  const seen = candidates.length > 0 ? `got ${[...new Set(candidates)].join(", ")}` : "got no email address";
  throw scimBadRequest(
    "invalidValue",
    `userName, or the primary or work email, must be an address in a domain this organization claimed (${claimed.join(", ")}); ${seen}.`,
  );
}

/** The name a new Bumpers user gets: displayName, the formatted or composed name, else the address's local part. */
export function personName(doc: TUserDocument, email: string): string {
  const composed = [doc.name?.givenName, doc.name?.familyName].filter(Boolean).join(" ");
  const name = doc.displayName || doc.name?.formatted || composed || email.slice(0, email.indexOf("@"));
  return name.trim().slice(0, 100);
}
