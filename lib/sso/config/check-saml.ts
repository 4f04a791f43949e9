import "server-only";
import { checkDestinationUrl } from "@/lib/server/outbound/destination";
import type { TSamlSettings } from "../schemas";
import { describeCertificate, fingerprintOf } from "./certificates";
import { fetchIdpMetadata } from "./fetch-idp-document";
import { IdpMetadataError, type TIdpMetadata } from "./idp-metadata";
import { DAY_MS, EXPIRY_WARNING_DAYS, ok, problem, warning, type TValidationCheck } from "./validation-checks";
import { formatDay } from "./format-day";

// The SAML checks of "validate configuration": the metadata URL (when there is one) still says
// what is configured, every IdP certificate is readable and within its validity, the SSO URL is
// one the browser may be sent to, and the org's SP certificate exists.

/** A certificate's validity on `now`: a problem outside it, a warning within 30 days of its end. */
export function certificateCheck(label: string, text: string, now: Date): TValidationCheck {
  const described = describeCertificate(text);
  if (!described.ok) return problem(label, described.reason);
  const { subject, fingerprint, notBefore, notAfter } = described.info;
  const who = `${subject || "no subject"} (SHA-256 ${fingerprint.slice(0, 23)}…)`;
  if (notBefore > now) return problem(label, `${who} is not valid before ${formatDay(notBefore)}.`);
  if (notAfter <= now) return problem(label, `${who} expired on ${formatDay(notAfter)}.`);
  const daysLeft = Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
  if (daysLeft < EXPIRY_WARNING_DAYS) {
    return warning(
      label,
      `${who} expires on ${formatDay(notAfter)}, in ${daysLeft} day${daysLeft === 1 ? "" : "s"}: roll it over at the IdP.`,
    );
  }
  return ok(label, `${who}, valid until ${formatDay(notAfter)}.`);
}

async function metadataChecks(settings: TSamlSettings & { idpMetadataUrl: string }): Promise<TValidationCheck[]> {
  let metadata: TIdpMetadata;
  try {
    metadata = await fetchIdpMetadata(settings.idpMetadataUrl);
  } catch (err) {
    if (!(err instanceof IdpMetadataError)) throw err;
    return [problem("IdP metadata", `${settings.idpMetadataUrl}: ${err.message}`)];
  }
  const checks = [ok("IdP metadata", `Read ${settings.idpMetadataUrl}.`)];
  checks.push(
    metadata.entityId === settings.idpEntityId
      ? ok("Entity ID", `${metadata.entityId}, as in the metadata.`)
      : problem(
          "Entity ID",
          `The metadata now names the IdP "${metadata.entityId}", not "${settings.idpEntityId}": save the connection again.`,
        ),
  );
  if (metadata.ssoUrl !== settings.idpSsoUrl) {
    checks.push(
      warning(
        "SSO URL in the metadata",
        `The metadata now lists ${metadata.ssoUrl}: save the connection again to use it.`,
      ),
    );
  }
  const published = new Set(metadata.certificates.map(fingerprintOf));
  const configured = new Set(settings.idpCertificates.map(fingerprintOf));
  const fresh = [...published].filter((f) => !configured.has(f)).length;
  const dropped = [...configured].filter((f) => !published.has(f)).length;
  const shared = [...configured].filter((f) => published.has(f)).length;
  if (shared === 0) {
    checks.push(
      problem(
        "Certificates in the metadata",
        "None of the configured certificates is published any more: save the connection again to trust the new ones.",
      ),
    );
  } else if (fresh || dropped) {
    const parts = [
      fresh ? `${fresh} new certificate${fresh === 1 ? " is" : "s are"} published (a rollover?)` : "",
      dropped ? `${dropped} configured certificate${dropped === 1 ? " is" : "s are"} no longer published` : "",
    ].filter(Boolean);
    checks.push(warning("Certificates in the metadata", `${parts.join("; ")}: save the connection again to follow.`));
  } else {
    checks.push(ok("Certificates in the metadata", "The configured certificates are the ones published."));
  }
  return checks;
}

export async function checkSaml(
  settings: TSamlSettings,
  spCertificate: string | null,
  now: Date,
): Promise<TValidationCheck[]> {
  const checks: TValidationCheck[] = [];
  if (settings.idpMetadataUrl)
    checks.push(...(await metadataChecks({ ...settings, idpMetadataUrl: settings.idpMetadataUrl })));
  const many = settings.idpCertificates.length > 1;
  settings.idpCertificates.forEach((certificate, i) =>
    checks.push(certificateCheck(many ? `IdP certificate ${i + 1}` : "IdP certificate", certificate, now)),
  );
  const refused = checkDestinationUrl(settings.idpSsoUrl);
  checks.push(
    refused
      ? problem("SSO URL", `${settings.idpSsoUrl}: ${refused}`)
      : ok("SSO URL", `Sign-in requests go to ${settings.idpSsoUrl}.`),
  );
  checks.push(
    spCertificate
      ? certificateCheck("Service provider certificate", spCertificate, now)
      : problem("Service provider certificate", "None yet: save the connection again to generate it."),
  );
  return checks;
}
