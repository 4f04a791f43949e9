import { X509Certificate } from "node:crypto";

// IdP and SP certificates as the settings page and "validate configuration" describe them. IdP
// metadata carries a certificate as its bare base64 body; people paste PEM. Both become PEM here.

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/;

/** A certificate as PEM with 64-character lines, from PEM or a bare base64 body; null when it is neither. */
export function toPem(text: string): string | null {
  const body = (PEM_BLOCK.exec(text)?.[1] ?? text).replace(/\s+/g, "");
  if (!body || !/^[A-Za-z0-9+/]+=*$/.test(body)) return null;
  return `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join("\n")}\n-----END CERTIFICATE-----\n`;
}

export type TCertificateInfo = {
  subject: string;
  /** SHA-256 of the DER, as IdP consoles show it (AA:BB:…). */
  fingerprint: string;
  notBefore: Date;
  notAfter: Date;
};

/** What a certificate says about itself, or why it cannot be read. */
export function describeCertificate(
  text: string,
): { ok: true; info: TCertificateInfo } | { ok: false; reason: string } {
  const pem = toPem(text);
  if (!pem) return { ok: false, reason: "This is not a PEM certificate." };
  try {
    const cert = new X509Certificate(pem);
    return {
      ok: true,
      info: {
        subject: cert.subject.replace(/\n/g, ", "),
        fingerprint: cert.fingerprint256,
        notBefore: new Date(cert.validFrom),
        notAfter: new Date(cert.validTo),
      },
    };
  } catch {
    return { ok: false, reason: "This certificate cannot be read (damaged or not X.509)." };
  }
}

/** The SHA-256 fingerprint of a certificate, or null when it cannot be read. */
export function fingerprintOf(text: string): string | null {
  const described = describeCertificate(text);
  return described.ok ? described.info.fingerprint : null;
}
