import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/server/db";
import { prismaExecutor } from "@/lib/server/sql";
import { accessAudit, revokeSessionsOf, scimTransaction, syncScimUsers } from "./directory-sync";
import { storedFieldsOf, type TUserDocument } from "./documents";
import { scimBadRequest } from "./errors";
import { personName, provisioningEmail } from "./provisioning-email";
import type { TScimUserRow } from "./queries";
import { asJson, type TScimScope } from "./users";

/**
 * POST /Users: links the org's SCIM record to the Bumpers user with the provisioning address, or
 * creates that user (without a password: they sign in through the IdP), then gives them their
 * membership if the record is active.
 */
export async function createScimUser(scope: TScimScope, doc: TUserDocument): Promise<TScimUserRow> {
  const { orgId, actor } = scope;
  const { row, lostAllAccess } = await scimTransaction(orgId, async (tx) => {
    const email = await provisioningEmail(tx, orgId, doc);
    const person = await findOrCreateUser(tx, email, personName(doc, email));
    await assertNotProvisioned(tx, orgId, doc.userName, person.id, email);
    const fields = storedFieldsOf(doc, true);
    const created = await tx.scimUser.create({
      data: { orgId, userId: person.id, ...fields, attributes: asJson(fields.attributes) },
    });
    const sync = await syncScimUsers(tx, orgId, [{ userId: person.id, active: created.active }]);
    await recordAudit(tx, {
      orgId,
      actor,
      action: "scim.user_created",
      target: { type: "scim_user", id: created.id, label: created.userName },
      after: {
        userName: created.userName,
        externalId: created.externalId,
        active: created.active,
        email,
        bumpersUser: person.created ? "created" : "linked",
        access: accessAudit(sync.changes.get(person.id)) ?? null,
      },
    });
    return { row: created, lostAllAccess: sync.lostAllAccess };
  });
  await revokeSessionsOf(lostAllAccess);
  return row;
}

/** 409 when the userName is taken, or the person already has a SCIM record in the org (one read for both). */
async function assertNotProvisioned(tx: Tx, orgId: string, userName: string, userId: string, email: string) {
  const clash = await tx.scimUser.findFirst({
    where: { orgId, OR: [{ userName: { equals: userName, mode: "insensitive" } }, { userId }] },
    select: { id: true, userName: true, userId: true },
  });
  if (!clash) return;
  throw scimBadRequest(
    "uniqueness",
    clash.userName.toLowerCase() === userName.toLowerCase()
      ? `A User with userName "${userName}" already exists (id ${clash.id}).`
      : `${email} is already provisioned in this organization as userName "${clash.userName}" (id ${clash.id}).`,
  );
}

/** One statement, so two orgs provisioning the same address at once both end up with the same user. */
async function findOrCreateUser(tx: Tx, email: string, name: string): Promise<{ id: string; created: boolean }> {
  const { rows } = await prismaExecutor(tx).query<{ id: string; created: boolean }>(
    `WITH inserted AS (
       INSERT INTO users (email, name) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING RETURNING id
     )
     SELECT id::text, true AS created FROM inserted
     UNION ALL
     SELECT id::text, false FROM users WHERE email = $1 AND NOT EXISTS (SELECT 1 FROM inserted)`,
    [email, name],
  );
  if (rows[0]) return rows[0];
  // Another transaction inserted the address after this statement's snapshot: read it now.
  const user = await tx.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return { id: user.id, created: false };
}
