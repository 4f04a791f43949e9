import { describe, expect, it } from "vitest";
import { parseVulnView, vulnViewQuery } from "./search-params";

describe("vulnerabilities page URL", () => {
  it("reads defaults from an empty or odd query", () => {
    expect(parseVulnView({})).toEqual({
      tab: "images",
      q: "",
      fix: false,
      all: false,
      team: null,
      image: null,
      cursor: null,
    });
    expect(parseVulnView({ tab: "nonsense", fix: ["1", "0"], q: "  openssl " })).toMatchObject({
      tab: "images",
      fix: true,
      q: "openssl",
    });
  });

  it("writes a view back in one order, dropping the cursor unless it is the change", () => {
    const view = parseVulnView({ tab: "cves", q: "ssl", fix: "1", team: "payments", image: "x", cursor: "abc" });
    expect(vulnViewQuery(view)).toBe("?tab=cves&q=ssl&fix=1&team=payments&image=x");
    expect(vulnViewQuery(view, { cursor: "def" })).toBe("?tab=cves&q=ssl&fix=1&team=payments&image=x&cursor=def");
    // The image filter belongs to the CVE tab.
    expect(vulnViewQuery(view, { tab: "images" })).toBe("?q=ssl&fix=1&team=payments");
    expect(vulnViewQuery(parseVulnView({}))).toBe("");
  });
});
