import { describe, expect, it } from "vitest";
import { refusedAddressReason } from "./address-policy";

const closed = { allowPrivate: false };
const open = { allowPrivate: true };

describe("refusedAddressReason", () => {
  it.each([
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.254", "private"],
    ["192.168.10.20", "private"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["::1", "loopback"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.254", "carrier-grade NAT"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:127.0.0.1", "loopback"],
    ["64:ff9b::a00:1", "private"],
    ["2002:a00:1::1", "private"],
  ])("refuses %s (%s) unless private destinations are allowed", (ip, what) => {
    expect(refusedAddressReason(ip, closed)).toContain(what);
    expect(refusedAddressReason(ip, closed)).toContain("BUMPERS_ALLOW_PRIVATE_DESTINATIONS");
    expect(refusedAddressReason(ip, open)).toBeNull();
  });

  it.each([
    ["169.254.169.254", "link-local"],
    ["169.254.1.1", "link-local"],
    ["fe80::1", "link-local"],
    ["fd00:ec2::254", "metadata"],
    ["::ffff:169.254.169.254", "link-local"],
    ["::ffff:a9fe:a9fe", "link-local"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["192.0.2.10", "reserved"],
  ])("refuses %s (%s) even when private destinations are allowed", (ip, what) => {
    expect(refusedAddressReason(ip, open)).toContain(what);
    expect(refusedAddressReason(ip, closed)).toContain(what);
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
