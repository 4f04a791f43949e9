// Masks secrets in Helm values before the clusters page shows them. Values are whatever the
// cluster sent, so both the key and the value's shape decide:
// - a secret-named key (password, token, apiKey, ...) hides its value, and everything under it
//   when it holds a list or an object (booleans stay: `auth.enabled` is not a secret);
// - `{ name, value }` entries (extraEnv, env) hide the value when the name is secret-like
//   (`DB_PASSWORD`, `GITHUB_TOKEN`);
// - strings anywhere lose what looks like a secret by itself: the password of a URL
//   (`postgres://user:[redacted]@db`), `secret=...` style arguments, Bumpers tokens, JWTs, cloud
//   keys with well-known prefixes, private-key PEM blocks and long high-entropy tokens.
// References to Kubernetes Secrets (`secretName`, `tokenSecretName`, `secretKeyRef`) are not
// secrets: they name an object the reader may look up with their own access, and the page is more
// useful with them. A key ending in Name or Ref is treated as such a reference only while its
// value looks like a Kubernetes object name; a `tokenName: "c2VjcmV0..."` is still masked.

export const REDACTED = "[redacted]";

export type TJson = null | boolean | number | string | TJson[] | { [key: string]: TJson };

const MAX_DEPTH = 32;
/** Strings past this are not worth scanning piece by piece: a values file has no such setting. */
const MAX_SCANNED_CHARS = 16_384;

const SECRET_WORD =
  /pass(word|wd|phrase)?|secret|token|credential|api_?key|access_?key|private_?key|auth|base64|bearer|cookie|session|signing|dsn|cert_?key|client_?key|license_?key|encryption_?key|webhook_?url/i;
const REFERENCE_KEY = /(name|ref|refs)$/i;
/** A DNS-1123 subdomain: what a Kubernetes object name may be. */
const K8S_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

/** Whether a key or a variable name says its value is a secret. */
export function isSecretName(key: string): boolean {
  return SECRET_WORD.test(key);
}

/** The values with secrets masked. */
export function redactValues(value: TJson): TJson {
  return walk(value, false, 0);
}

function walk(value: TJson, secret: boolean, depth: number): TJson {
  if (depth > MAX_DEPTH) return "[…]";
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") return secret ? REDACTED : value;
  if (typeof value === "string") return secret ? (value === "" ? "" : REDACTED) : redactString(value);
  if (Array.isArray(value)) {
    // Command-line style lists: `["--password", "x"]` hides the item after a secret-named flag.
    return value.map((v, i) => {
      const flag = i > 0 ? value[i - 1] : null;
      const afterSecretFlag = typeof flag === "string" && /^--?[\w-]+$/.test(flag) && isSecretName(flag);
      return walk(v, secret || (afterSecretFlag && typeof v === "string"), depth + 1);
    });
  }
  const out: Record<string, TJson> = {};
  const pairName = typeof value.name === "string" ? value.name : typeof value.key === "string" ? value.key : null;
  const secretPair = !secret && pairName !== null && isSecretName(pairName);
  for (const [key, v] of Object.entries(value)) {
    if (secret) out[key] = walk(v, true, depth + 1);
    else if (secretPair && key === "value") out[key] = walk(v, true, depth + 1);
    else if (REFERENCE_KEY.test(key) && isSecretName(key)) out[key] = reference(v, depth);
    else out[key] = walk(v, isSecretName(key), depth + 1);
  }
  return out;
}

/** `secretName: "db-credentials"` stays; a reference key holding something else is a secret. */
function reference(value: TJson, depth: number): TJson {
  if (typeof value === "string") return K8S_NAME.test(value) && !looksSecret(value) ? value : REDACTED;
  // secretKeyRef: { name, key } and friends name things too; their strings still get the shape checks.
  return walk(value, false, depth + 1);
}

function redactString(value: string): string {
  if (value.length > MAX_SCANNED_CHARS) return `${REDACTED} (${value.length} characters not shown)`;
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/.test(value)) return REDACTED;
  return maskArguments(maskUrlPasswords(value));
}

/** `scheme://user:password@host` → `scheme://user:[redacted]@host`, anywhere in the string. Linear. */
function maskUrlPasswords(value: string): string {
  let out = "";
  let from = 0;
  for (let at = value.indexOf("://"); at >= 0; at = value.indexOf("://", at + 3)) {
    const start = at + 3;
    let end = start;
    while (end < value.length && !"/?#\\ \t\r\n\"'<>".includes(value[end]!)) end++;
    const authority = value.slice(start, end);
    const atSign = authority.lastIndexOf("@");
    const colon = authority.indexOf(":");
    if (atSign < 0 || colon < 0 || colon > atSign) continue;
    out += value.slice(from, start + colon + 1) + REDACTED;
    from = start + atSign;
  }
  return out + value.slice(from);
}

/**
 * Splits on separators and masks each piece that looks like a secret, and the piece after a
 * secret-named one (`--password=x`, `token: x`, `Authorization: Bearer x`).
 */
function maskArguments(value: string): string {
  const parts = value.split(/([\s=,;:&"']+)/);
  let maskNext = false;
  for (let i = 0; i < parts.length; i += 2) {
    const piece = parts[i]!;
    if (piece === "") continue;
    const separator = parts[i + 1] ?? "";
    // `sha256:<64 hex>` is an image digest, not a key.
    const digest = i >= 2 && /^sha(256|512)$/i.test(parts[i - 2]!) && parts[i - 1] === ":";
    if (maskNext || (!digest && looksSecret(piece))) parts[i] = REDACTED;
    // Only a key followed by `=` or `:` introduces a value (not "tokens are rotated daily").
    maskNext =
      /^(bearer|basic)$/i.test(piece) || (isSecretName(piece) && /[=:]/.test(separator) && !/^https?$/i.test(piece));
  }
  return parts.join("");
}

const KNOWN_PREFIX =
  /^(bmp_(org|cl)_[A-Za-z0-9_-]{16,}|AKIA[0-9A-Z]{16}|ASIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,}|glpat-[\w-]{20,}|xox[abprs]-[\w-]{10,}|sk_(live|test)_\w{16,}|AIza[\w-]{30,})/;
const JWT = /^eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*$/;
const TOKEN_CHARS = /^[A-Za-z0-9+/_=-]+$/;

/** A piece of text that is a credential by its looks alone. */
export function looksSecret(piece: string): boolean {
  if (KNOWN_PREFIX.test(piece) || JWT.test(piece)) return true;
  if (piece.length < 20 || !TOKEN_CHARS.test(piece)) return false;
  // Random tokens mix digits in (and base64 has + and /); a long camel-case setting name rarely
  // has more than one digit.
  const digits = piece.match(/\d/g)?.length ?? 0;
  const hasDigits = digits >= 2 || (digits === 1 && /[+/]/.test(piece));
  const mixedCase = /[a-z]/.test(piece) && /[A-Z]/.test(piece);
  const hex = /^[a-fA-F0-9]+$/.test(piece);
  if (!hasDigits || !(mixedCase || (hex && piece.length >= 32))) return false;
  return entropyPerChar(piece) >= 3.5;
}

function entropyPerChar(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}
