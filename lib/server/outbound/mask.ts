// Secrets that reach error texts, logs and screens only masked: tokens, signing secrets and the
// webhook URLs whose path or query is itself the credential (Slack, Teams Workflows).

const MASK = "••••";

/** `••••` and the last four characters (all masked when the secret is short). */
export function maskSecret(secret: string): string {
  return secret.length >= 12 ? `${MASK}${secret.slice(-4)}` : MASK;
}

/** The scheme, host and first path segment of a URL, the rest masked: enough to recognise it. */
export function maskUrl(raw: string): string {
  try {
    const url = new URL(raw);
    const first = url.pathname.split("/").filter(Boolean)[0];
    const rest = `${url.pathname}${url.search}`;
    return `${url.origin}${first ? `/${first}` : ""}/${maskSecret(rest)}`;
  } catch {
    return maskSecret(raw);
  }
}

/** The text with every occurrence of these secrets (and of a URL secret's path and query) masked. */
export function scrubSecrets(text: string, secrets: ReadonlyArray<string | null | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    out = out.replaceAll(secret, secret.includes("://") ? maskUrl(secret) : maskSecret(secret));
    try {
      const url = new URL(secret);
      const tail = `${url.pathname}${url.search}`;
      if (tail.length > 1) out = out.replaceAll(tail, `/${maskSecret(tail)}`);
    } catch {
      // not a URL: masked above
    }
  }
  return out;
}
