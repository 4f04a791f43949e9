import { describe, expect, it } from "vitest";
import { refusedAddressReason } from "./address-policy";

const closed = { allowPrivate: false };
const open = { allowPrivate: true };

describe("refusedAddressReason", () => {
  // "unless": private destinations allowed lets it through; "even when": refused whatever the setting.
  it.each([
    ["10.1.2.3", "private", "unless"],
    ["172.16.0.1", "private", "unless"],
    ["172.31.255.254", "private", "unless"],
    ["192.168.10.20", "private", "unless"],
    ["fc00::1", "private", "unless"],
    ["fd12:3456::1", "private", "unless"],
    ["127.0.0.1", "loopback", "unless"],
    ["127.8.9.10", "loopback", "unless"],
    ["::1", "loopback", "unless"],
    ["100.64.0.1", "carrier-grade NAT", "unless"],
    ["100.127.255.254", "carrier-grade NAT", "unless"],
    ["::ffff:10.0.0.1", "private", "unless"],
    ["::ffff:127.0.0.1", "loopback", "unless"],
    ["64:ff9b::a00:1", "private", "unless"],
    ["2002:a00:1::1", "private", "unless"],
    ["169.254.169.254", "link-local", "even when"],
    ["169.254.1.1", "link-local", "even when"],
    ["fe80::1", "link-local", "even when"],
    ["fd00:ec2::254", "metadata", "even when"],
    ["::ffff:169.254.169.254", "link-local", "even when"],
    ["::ffff:a9fe:a9fe", "link-local", "even when"],
    ["0.0.0.0", "unspecified", "even when"],
    ["::", "unspecified", "even when"],
    ["224.0.0.1", "multicast", "even when"],
    ["ff02::1", "multicast", "even when"],
    ["255.255.255.255", "broadcast", "even when"],
    ["192.0.2.10", "reserved", "even when"],
  ])("refuses %s (%s) %s private destinations are allowed", (ip, what, when) => {
    expect(refusedAddressReason(ip, closed)).toContain(what);
    if (when === "unless") {
      expect(refusedAddressReason(ip, closed)).toContain("BUMPERS_ALLOW_PRIVATE_DESTINATIONS");
      expect(refusedAddressReason(ip, open)).toBeNull();
    } else {
      expect(refusedAddressReason(ip, open)).toContain(what);
    }
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "64:ff9b::808:808"])(
    "lets the public address %s through",
    (ip) => {
      expect(refusedAddressReason(ip, closed)).toBeNull();
    },
  );

  it("allows plain http to loopback only, and only when private destinations are allowed", () => {
    expect(refusedAddressReason("127.0.0.1", { allowPrivate: true, loopbackOnly: true })).toBeNull();
    expect(refusedAddressReason("::1", { allowPrivate: true, loopbackOnly: true })).toBeNull();
    expect(refusedAddressReason("127.0.0.1", { allowPrivate: false, loopbackOnly: true })).toContain("plain http");
    expect(refusedAddressReason("8.8.8.8", { allowPrivate: true, loopbackOnly: true })).toContain("plain http");
    expect(refusedAddressReason("10.0.0.1", { allowPrivate: true, loopbackOnly: true })).toContain("plain http");
  });
});
