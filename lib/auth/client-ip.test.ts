import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache, ZEnv } from "@/lib/server/env";
import { clientIpOf } from "./client-ip";

const PROXIES = ["10.0.0.0/8", "192.168.1.10", "fd00::/8"];
const xff = (value: string, extra: Record<string, string> = {}) => new Headers({ "x-forwarded-for": value, ...extra });

afterEach(() => {
  delete process.env.BUMPERS_TRUSTED_PROXIES;
  resetEnvCache();
});

describe("clientIpOf", () => {
  it("ignores forwarding headers when no proxy is trusted (the default)", () => {
    expect(clientIpOf(xff("203.0.113.9"))).toBeNull();
    expect(clientIpOf(xff("203.0.113.9"), [])).toBeNull();
    expect(clientIpOf(new Headers({ "x-real-ip": "203.0.113.9" }), [])).toBeNull();
  });

  it("takes the right-most address that is not one of our proxies", () => {
    expect(clientIpOf(xff("203.0.113.9"), PROXIES)).toBe("203.0.113.9");
    expect(clientIpOf(xff("203.0.113.9, 10.1.2.3"), PROXIES)).toBe("203.0.113.9");
    expect(clientIpOf(xff("203.0.113.9, 192.168.1.10, 10.1.2.3"), PROXIES)).toBe("203.0.113.9");
  });

  it("never reads what the client wrote left of the address our proxy saw", () => {
    // The client sends "1.1.1.1, 10.9.9.9" itself; our proxy appends the real peer 198.51.100.4.
    expect(clientIpOf(xff("1.1.1.1, 10.9.9.9, 198.51.100.4, 10.1.2.3"), PROXIES)).toBe("198.51.100.4");
    expect(clientIpOf(xff("anything-at-all, 198.51.100.4"), PROXIES)).toBe("198.51.100.4");
  });

  it("normalizes ports, brackets, case and IPv4-mapped IPv6", () => {
    expect(clientIpOf(xff("203.0.113.9:51234, 10.0.0.1"), PROXIES)).toBe("203.0.113.9");
    expect(clientIpOf(xff("[2001:DB8::1]:443, 10.0.0.1"), PROXIES)).toBe("2001:db8::1");
    expect(clientIpOf(xff("::ffff:203.0.113.9, ::ffff:10.0.0.1"), PROXIES)).toBe("203.0.113.9");
    expect(clientIpOf(xff("2001:db8::7, fd00::1"), PROXIES)).toBe("2001:db8::7");
  });

  it("gives no address when our proxy wrote something that is not one", () => {
    expect(clientIpOf(xff("unknown, 10.0.0.1"), PROXIES)).toBeNull();
    expect(clientIpOf(xff(""), PROXIES)).toBeNull();
  });

  it("uses X-Real-IP only when every X-Forwarded-For hop is ours", () => {
    // `next start` fills X-Forwarded-For with the socket's address (our proxy) when the proxy set none.
    expect(clientIpOf(xff("10.0.0.1", { "x-real-ip": "203.0.113.9" }), PROXIES)).toBe("203.0.113.9");
    expect(clientIpOf(xff("198.51.100.4, 10.0.0.1", { "x-real-ip": "203.0.113.9" }), PROXIES)).toBe("198.51.100.4");
    // A request from inside the proxies' network: its own address.
    expect(clientIpOf(xff("10.2.3.4, 10.0.0.1"), PROXIES)).toBe("10.2.3.4");
  });

  it("reads next-auth's plain header objects and the environment's list", () => {
    process.env.BUMPERS_TRUSTED_PROXIES = "10.0.0.0/8, 127.0.0.1";
    resetEnvCache();
    expect(clientIpOf({ "x-forwarded-for": "203.0.113.9, 127.0.0.1" })).toBe("203.0.113.9");
    expect(clientIpOf({ "x-forwarded-for": ["203.0.113.9", "10.0.0.1"] })).toBe("203.0.113.9");
    expect(clientIpOf(undefined)).toBeNull();
  });

  it("refuses a BUMPERS_TRUSTED_PROXIES entry that is not an address or CIDR block", () => {
    expect(ZEnv.parse({ BUMPERS_TRUSTED_PROXIES: " 10.0.0.0/8,  ::1 fd00::/8 " }).BUMPERS_TRUSTED_PROXIES).toEqual([
      "10.0.0.0/8",
      "::1",
      "fd00::/8",
    ]);
    expect(ZEnv.parse({}).BUMPERS_TRUSTED_PROXIES).toEqual([]);
    for (const bad of ["proxy.internal", "10.0.0.0/33", "10.0.0.0/8/1", "::/129", "10.0.0.1/x"]) {
      expect(() => ZEnv.parse({ BUMPERS_TRUSTED_PROXIES: bad })).toThrow(/BUMPERS_TRUSTED_PROXIES/);
    }
  });
});
