import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { formOf } from "@/lib/testing/forms";
import { signInAs } from "@/lib/testing/session";
import {
  addGroupMappingAction,
  claimSsoDomainAction,
  createScimTokenAction,
  moveGroupMappingAction,
  saveOidcConnectionAction,
  saveSamlConnectionAction,
  setSsoPolicyAction,
  validateSsoConnectionAction,
} from "./actions";
import { createSsoTenant, fixture } from "./config/config-testing";
import { getSsoSettings } from "./config/queries";

// The validate action reads the request's host for the values to register.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "bumpers.test", "x-forwarded-proto": "https" }),
}));

afterEach(() => signInAs(null));

const OIDC_FORM = {
  issuer: "https://acme.okta.com/oauth2/default",
  clientId: "0oa1bumpers",
  clientSecret: "okta-secret",
  scopes: "openid email profile, groups",
  groupsClaim: "",
};

describe("SSO settings actions", () => {
  it("are for owners: admins get forbidden, other orgs not_found", async () => {
    const t = await createSsoTenant();
    const other = await createSsoTenant();
    signInAs(t.users.admin);
    expect(await saveOidcConnectionAction(null, formOf({ org: t.org.slug, ...OIDC_FORM }))).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    signInAs(other.ssoOwner);
    expect(await createScimTokenAction(null, formOf({ org: t.org.slug, name: "Okta" }))).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await db.apiToken.count({ where: { orgId: t.org.id, kind: "scim" } })).toBe(0);
  });

  it("read the forms: scopes typed on one line, an empty groups claim, checkboxes, an empty session lifetime", async () => {
    const t = await createSsoTenant();
    signInAs(t.ssoOwner);
    expect(await saveOidcConnectionAction(null, formOf({ org: t.org.slug, ...OIDC_FORM }))).toEqual({
      ok: true,
      data: { changed: true, enforcementLifted: false, enabled: false },
    });
    const row = await db.ssoConnection.findUniqueOrThrow({ where: { orgId: t.org.id } });
    expect(row.settings).toEqual({
      issuer: OIDC_FORM.issuer,
      clientId: OIDC_FORM.clientId,
      scopes: ["openid", "email", "profile", "groups"],
      groupsClaim: "groups",
    });

    await db.ssoConnection.update({ where: { orgId: t.org.id }, data: { validatedAt: new Date() } });
    const policy = await setSsoPolicyAction(
      null,
      formOf({ org: t.org.slug, enabled: "on", jit: "on", sessionHours: "", defaultRole: "member" }),
    );
    expect(policy).toMatchObject({ ok: true, data: { changed: true } });
    expect(await db.ssoConnection.findUniqueOrThrow({ where: { orgId: t.org.id } })).toMatchObject({
      enabled: true,
      enforced: false,
      jit: true,
      allowIdpInitiated: false,
      sessionHours: null,
    });
    expect(
      await setSsoPolicyAction(
        null,
        formOf({ org: t.org.slug, enabled: "on", sessionHours: "1000", defaultRole: "member" }),
      ),
    ).toMatchObject({ ok: false, error: { fieldErrors: { sessionHours: ["At most 720 hours (30 days)."] } } });
  });

  it("put refusals under their fields: a certificate of a list, the domain, a team and its role", async () => {
    const t = await createSsoTenant();
    signInAs(t.ssoOwner);
    const saml = await saveSamlConnectionAction(
      null,
      formOf({
        org: t.org.slug,
        source: "manual",
        idpEntityId: "urn:idp",
        idpSsoUrl: "not a url",
        idpCertificates: "short",
      }),
    );
    expect(saml).toMatchObject({
      ok: false,
      error: { fieldErrors: { idpSsoUrl: expect.any(Array), idpCertificates: expect.any(Array) } },
    });
    expect(await claimSsoDomainAction(null, formOf({ org: t.org.slug, domain: "elsewhere.example" }))).toMatchObject({
      ok: false,
      error: { fieldErrors: { domain: [expect.stringContaining("only the domain of your own address")] } },
    });
    expect(
      await addGroupMappingAction(
        null,
        formOf({ org: t.org.slug, groupName: "payments", orgRole: "", teamId: t.team.id, teamRole: "" }),
      ),
    ).toMatchObject({ ok: false, error: { fieldErrors: { _: ["Choose both a team and its role, or neither."] } } });
    const added = await addGroupMappingAction(
      null,
      formOf({ org: t.org.slug, groupName: "payments", orgRole: "", teamId: t.team.id, teamRole: "editor" }),
    );
    expect(added).toMatchObject({ ok: true });
    expect(
      await moveGroupMappingAction(
        null,
        formOf({ org: t.org.slug, mappingId: added.ok ? added.data.id : "", direction: "sideways" }),
      ),
    ).toMatchObject({ ok: false, error: { fieldErrors: { direction: ["Move up or down."] } } });
  });

  it("validate with this site's address, and the page's read holds no secret", async () => {
    const t = await createSsoTenant();
    signInAs(t.ssoOwner);
    await saveSamlConnectionAction(
      null,
      formOf({ org: t.org.slug, source: "metadata_xml", idpMetadataXml: fixture("okta-metadata.xml") }),
    );
    const result = await validateSsoConnectionAction(null, formOf({ org: t.org.slug }));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.passed).toBe(true);
    expect(result.data.register[1]).toEqual({
      label: "ACS URL (reply URL)",
      value: `https://bumpers.test/api/sso/${t.org.slug}/saml/acs`,
    });

    await saveOidcConnectionAction(null, formOf({ org: t.org.slug, ...OIDC_FORM }));
    const row = await db.ssoConnection.findUniqueOrThrow({ where: { orgId: t.org.id } });
    const settings = await getSsoSettings(t.org.id, "https://bumpers.test");
    const text = JSON.stringify(settings);
    expect(settings.connection).toMatchObject({ protocol: "oidc", clientSecretSet: true });
    for (const secret of [OIDC_FORM.clientSecret, row.clientSecretSealed!, row.spPrivateKeySealed!, "PRIVATE KEY"]) {
      expect(text).not.toContain(secret);
    }
    expect(settings.endpoints.scimBase).toBe(`https://bumpers.test/scim/v2/${t.org.slug}`);
    expect(settings.recentAudit.map((a) => a.action)).toEqual([
      "sso.connection_saved",
      "sso.validated",
      "sso.connection_saved",
    ]);
  });
});
