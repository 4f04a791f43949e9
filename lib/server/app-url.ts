import "server-only";
import { headers } from "next/headers";
import { env } from "./env";

/**
 * The public base URL for links the app hands out (invitations, agent commands): NEXTAUTH_URL
 * when set (the address behind proxies), otherwise the host the request came in on, using its
 * X-Forwarded-* headers; https unless the host is local.
 */
export function originFrom(configured: string | undefined, requestHeaders: Pick<Headers, "get">): string {
  if (configured) return configured.replace(/\/+$/, "");
  const host = (requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000")
    .split(",")[0]
    .trim();
  const local = /^(localhost|127\.|\[::1\])/.test(host);
  const proto = (requestHeaders.get("x-forwarded-proto") ?? (local ? "http" : "https")).split(",")[0].trim();
  return `${proto}://${host}`;
}

export async function appBaseUrl(): Promise<string> {
  return originFrom(env().NEXTAUTH_URL, await headers());
}
