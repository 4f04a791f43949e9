import { isIP } from "node:net";

/** Whether `value` is an IP address or a CIDR block (`10.0.0.0/8`, `fd00::/8`), as BUMPERS_TRUSTED_PROXIES lists them. */
export function isProxyAddress(value: string): boolean {
  const [address = "", bits, extra] = value.split("/");
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}
