// Response headers every page and route carries. Pure functions so the proxy and the tests share
// them; the proxy adds a fresh nonce per request (scripts run only with it: no 'unsafe-inline').

export interface TSecurityHeaderOptions {
  nonce: string;
  /** `next dev` needs eval for React's debugging aids; production never gets it. */
  development: boolean;
  /** HSTS only makes sense (and is only honoured) on HTTPS responses. */
  https: boolean;
}

export function contentSecurityPolicy({ nonce, development }: TSecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced bootstrap load Next's chunks without listing each one.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Style attributes (chart geometry, progress bars) are not script: they stay allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

export function securityHeaders(options: TSecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
  if (options.https) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}

/** 128 random bits, base64: unguessable and valid as a CSP nonce-source. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
