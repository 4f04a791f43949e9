import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/server/env";

/**
 * The base URL for links the app hands out: NEXTAUTH_URL when set (the public address behind
 * proxies), otherwise the origin the current request came in on.
 */
export function originFrom(configured: string | undefined, requestHeaders: Pick<Headers, "get">): string {
  if (configured) return configured.replace(/\/+$/, "");
  const host = requestHeaders.get("x-forwarded-host")?.split(",")[0]?.trim() || requestHeaders.get("host");
  const proto = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${host ?? "localhost:3000"}`;
}

export async function appOrigin(): Promise<string> {
  return originFrom(env().NEXTAUTH_URL, await headers());
}
