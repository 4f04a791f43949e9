import { describe, expect, it } from "vitest";
import { checkDestinationUrl } from "./destination";

describe("checkDestinationUrl", () => {
  it("accepts an https URL on a public name or address", () => {
    expect(checkDestinationUrl("https://hooks.slack.com/services/T1/B2/abc", { allowPrivate: false })).toBeNull();
    expect(checkDestinationUrl("https://8.8.8.8:8443/hook?x=1", { allowPrivate: false })).toBeNull();
    expect(checkDestinationUrl("https://[2606:4700:4700::1111]/hook", { allowPrivate: false })).toBeNull();
  });

  it.each([
    ["not a url", "full URL"],
    ["ftp://example.com/x", "Only https://"],
    ["http://example.com/hook", "Only https://"],
    ["https://user:pass@example.com/hook", "user name or password"],
    ["https://10.0.0.8/hook", "private network"],
    ["https://[fd00::1]/hook", "private network"],
    ["https://127.0.0.1/hook", "loopback"],
    ["https://localhost/hook", "loopback"],
    ["https://2130706433/hook", "loopback"],
    ["https://0x7f.1/hook", "loopback"],
    ["https://169.254.169.254/latest/meta-data", "link-local"],
    ["https://[::ffff:169.254.169.254]/", "link-local"],
    ["https://[fd00:ec2::254]/", "metadata"],
    [`https://example.com/${"a".repeat(2100)}`, "longer than"],
  ])("refuses %s", (url, message) => {
    expect(checkDestinationUrl(url, { allowPrivate: false })).toContain(message);
  });

  it("allows private and loopback destinations, and http to loopback, only with the setting", () => {
    for (const url of ["https://10.0.0.8/hook", "http://127.0.0.1:4000/hook", "http://localhost:4000/x"]) {
      expect(checkDestinationUrl(url, { allowPrivate: true })).toBeNull();
      expect(checkDestinationUrl(url, { allowPrivate: false })).not.toBeNull();
    }
    expect(checkDestinationUrl("http://10.0.0.8/hook", { allowPrivate: true })).toContain("plain http://");
    expect(checkDestinationUrl("http://example.com/hook", { allowPrivate: true })).toContain("plain http://");
    expect(checkDestinationUrl("https://169.254.169.254/", { allowPrivate: true })).toContain("link-local");
  });
});
