import "server-only";
import { generate } from "selfsigned";

// Each org's SAML service provider gets its own key pair and self-signed certificate: it signs
// AuthnRequests and decrypts encrypted assertions. Self-signed is what IdPs expect for SP
// certificates (they pin the certificate from our metadata; no CA is involved).

const VALID_YEARS = 10;

export async function generateSpKeyPair(orgSlug: string): Promise<{ privateKeyPem: string; certificatePem: string }> {
  const notBeforeDate = new Date();
  const notAfterDate = new Date(notBeforeDate);
  notAfterDate.setUTCFullYear(notAfterDate.getUTCFullYear() + VALID_YEARS);
  const pems = await generate([{ name: "commonName", value: `bumpers-sp-${orgSlug}` }], {
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
  });
  return { privateKeyPem: pems.private, certificatePem: pems.cert };
}
