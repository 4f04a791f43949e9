import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/server/env";

/**
 * The base URL agents and scripts should call: NEXTAUTH_URL when configured, otherwise the host
 * this request came in on (behind a proxy, its X-Forwarded-* headers).
 */
export async function appBaseUrl(): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const h = await headers();
  const host = (h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000").split(",")[0].trim();
  const local = /^(localhost|127\.|\[::1\])/.test(host);
  const proto = (h.get("x-forwarded-proto") ?? (local ? "http" : "https")).split(",")[0].trim();
  return `${proto}://${host}`;
}
