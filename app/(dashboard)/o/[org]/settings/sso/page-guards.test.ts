import { describe, expect, it, vi } from "vitest";
import { createTestTenant } from "@/lib/testing/factories";
import { enableAuthInterrupts, orgPageProps, statusesByRole } from "@/lib/testing/page-status";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import SsoSettingsPage from "./page";

// The page shows the URLs to register at the IdP, built from the request's host.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "bumpers.test", "x-forwarded-proto": "https" }),
}));

enableAuthInterrupts();

describe("Settings → Single sign-on", () => {
  it("renders for owners only: 403 for admins and members, 404 for another org", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const page = () => SsoSettingsPage(orgPageProps(a.org.slug));
    expect(await statusesByRole(a, ["owner", "admin", "teamAdmin", "member"], page)).toEqual({
      owner: "rendered",
      admin: "403",
      teamAdmin: "403",
      member: "403",
    });
    expect(await statusesByRole(b, ["owner"], page)).toEqual({ owner: "404" });
  });

  it("has its settings tab for owners only", () => {
    const tabsOf = (role: "owner" | "admin") =>
      (SettingsTabs({ orgSlug: "acme", role }).props as { tabs: { path: string }[] }).tabs.map((t) => t.path);
    expect(tabsOf("owner")).toContain("sso");
    expect(tabsOf("admin")).not.toContain("sso");
    expect(tabsOf("admin")).toContain("audit");
  });
});
