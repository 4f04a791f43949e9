import { describe, expect, it } from "vitest";
import { maskSecret, maskUrl, scrubSecrets } from "./mask";
import { retryAfterMs } from "./retry-after";

describe("maskSecret and maskUrl", () => {
  it("shows only the last four characters of a secret, none of a short one", () => {
    expect(maskSecret("xoxb-1234-5678-abcdefgh")).toBe("••••efgh");
    expect(maskSecret("short")).toBe("••••");
  });

  it("keeps a URL recognisable by its host and first segment", () => {
    expect(maskUrl("https://hooks.slack.com/services/T0001/B0002/XXXXsecretYYYY")).toBe(
      "https://hooks.slack.com/services/••••YYYY",
    );
    expect(maskUrl("https://prod-1.westeurope.logic.azure.com/workflows/abc/triggers?sig=s3cr3tvalue1")).toBe(
      "https://prod-1.westeurope.logic.azure.com/workflows/••••lue1",
    );
  });

  it("scrubs a token, a whole URL and a URL's path from a text", () => {
    const url = "https://hooks.slack.com/services/T0001/B0002/XXXXsecretYYYY";
    const text = `token xoxb-1234-5678-abcdefgh failed; POST ${url} and /services/T0001/B0002/XXXXsecretYYYY`;
    const scrubbed = scrubSecrets(text, ["xoxb-1234-5678-abcdefgh", url, null]);
    expect(scrubbed).not.toContain("xoxb-1234");
    expect(scrubbed).not.toContain("XXXXsecret");
    expect(scrubbed).toContain("https://hooks.slack.com/services/••••YYYY");
  });
});

describe("retryAfterMs", () => {
  it("reads seconds and HTTP dates, and nothing else", () => {
    const now = Date.parse("2026-03-12T10:00:00Z");
    expect(retryAfterMs("30", now)).toBe(30_000);
    expect(retryAfterMs("Thu, 12 Mar 2026 10:01:00 GMT", now)).toBe(60_000);
    expect(retryAfterMs("Thu, 12 Mar 2026 09:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
