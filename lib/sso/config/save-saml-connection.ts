import "server-only";
import type { TAuditEntry } from "@/lib/audit/record-audit";
import { db } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { sealSpPrivateKey } from "../connections";
import { generateSpKeyPair } from "../saml/keys";
import { ZSamlSettings, type TSamlSettings } from "../schemas";
import { describeCertificate } from "./certificates";
import { samlSummary } from "./connection-summary";
import { fetchIdpMetadata } from "./fetch-idp-document";
import { IdpMetadataError, parseIdpMetadata, type TIdpMetadata } from "./idp-metadata";
import { ZSamlConnectionInput, type TSamlConnectionInput } from "./schemas";
import { writeConnection, type TSaveOutcome } from "./write-connection";

const bad = (message: string, field: string) => new AppError("bad_request", message, { field });

type TParsedInput = ReturnType<typeof ZSamlConnectionInput.parse>;

/** The IdP's entity id, SSO URL and certificates from where the form says they come from. */
async function idpOf(input: TParsedInput): Promise<TIdpMetadata & { url?: string }> {
  if (input.source === "manual") {
    return { entityId: input.idpEntityId!, ssoUrl: input.idpSsoUrl!, certificates: input.idpCertificates };
  }
  const field = input.source === "metadata_url" ? "idpMetadataUrl" : "idpMetadataXml";
  try {
    if (input.source === "metadata_xml") return parseIdpMetadata(input.idpMetadataXml!);
    // The URL's form is checked before anything is fetched (a typo answers at once).
    const url = ZSamlSettings.shape.idpMetadataUrl.safeParse(input.idpMetadataUrl);
    if (!url.success || !url.data) throw bad(url.error?.issues[0]?.message ?? "Enter the metadata URL.", field);
    return { ...(await fetchIdpMetadata(url.data)), url: url.data };
  } catch (err) {
    if (err instanceof IdpMetadataError) throw bad(err.message, field);
    throw err;
  }
}

/**
 * The settings, or a bad_request whose field errors name the form's fields: what came from the
 * metadata is reported under the metadata field (the form shows no entity id or URL then).
 */
function settingsOf(input: TParsedInput, idp: TIdpMetadata & { url?: string }): TSamlSettings {
  const parsed = ZSamlSettings.safeParse({
    idpMetadataUrl: idp.url,
    idpEntityId: idp.entityId,
    idpSsoUrl: idp.ssoUrl,
    idpCertificates: idp.certificates,
    wantResponseSigned: input.wantResponseSigned,
    encryptedAssertions: input.encryptedAssertions,
    groupsAttribute: input.groupsAttribute,
    emailAttribute: input.emailAttribute,
    nameAttribute: input.nameAttribute,
  });
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "_");
    const fromIdp = key.startsWith("idp");
    const field = fromIdp && input.source !== "manual" ? fieldOf(input.source) : key;
    const message = fromIdp && input.source !== "manual" ? `In the metadata, ${key}: ${issue.message}` : issue.message;
    (fieldErrors[field] ??= []).push(message);
  }
  throw new AppError("bad_request", "Please correct the highlighted fields.", { fieldErrors });
}

/**
 * Saves the org's SAML 2.0 settings: from the IdP's metadata (URL, read through the SSRF guard and
 * kept for "validate"; or pasted XML) or typed in. Every certificate must be readable. The first
 * SAML save generates the org's SP key pair (private key sealed). Any change clears "validated"
 * and switches enforcement off (writeConnection says why).
 */
export async function saveSamlConnection(
  orgId: string,
  actor: TAuditEntry["actor"],
  rawInput: TSamlConnectionInput,
): Promise<TSaveOutcome> {
  const input = ZSamlConnectionInput.parse(rawInput);
  const idp = await idpOf(input);
  const settings = settingsOf(input, idp);
  settings.idpCertificates.forEach((certificate, i) => {
    const described = describeCertificate(certificate);
    if (!described.ok) {
      const which = settings.idpCertificates.length > 1 ? `Certificate ${i + 1}: ` : "";
      throw bad(`${which}${described.reason}`, input.source === "manual" ? "idpCertificates" : fieldOf(input.source));
    }
  });

  const org = await db.organization.findUnique({
    where: { id: orgId },
    select: { slug: true, ssoConnection: { select: { spPrivateKeySealed: true } } },
  });
  if (!org) throw notFound("Organization not found.");
  let spKeyPair: { privateKeySealed: string; certificate: string } | undefined;
  if (!org.ssoConnection?.spPrivateKeySealed) {
    const pair = await generateSpKeyPair(org.slug);
    spKeyPair = { privateKeySealed: sealSpPrivateKey(orgId, pair.privateKeyPem), certificate: pair.certificatePem };
  }
  return writeConnection(orgId, actor, {
    protocol: "saml",
    settings,
    summary: samlSummary(settings),
    spKeyPair,
  });
}

const fieldOf = (source: "metadata_url" | "metadata_xml") =>
  source === "metadata_url" ? "idpMetadataUrl" : "idpMetadataXml";
