import { DOMParser, onErrorStopParsing } from "@xmldom/xmldom";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as acsRoute from "@/app/api/sso/[org]/saml/acs/route";
import * as metadataRoute from "@/app/api/sso/[org]/saml/metadata/route";
import * as startRoute from "@/app/api/sso/[org]/saml/start/route";
import { db } from "@/lib/server/db";
import { createTestOrg } from "@/lib/testing/factories";
import { startFakeSamlIdp, type TFakeSamlIdp } from "@/lib/testing/fake-saml-idp";
import type { TVerifiedIdentity } from "../types";
import { createSamlTenant, signInAtIdp, TEST_ORIGIN, type TSamlTenant } from "./saml-testing";

// The three public SAML routes, called as Next calls them, against a real IdP. The hand-over to a
// session (finishSsoSignIn, lib/sso/sign-in) is its own module with its own tests: here it is
// replaced by a recorder, so these tests see exactly what the ACS hands over, and when it does not.

const handedOver: { identity: TVerifiedIdentity; origin: string }[] = [];
vi.mock("@/lib/sso/sign-in/finish", () => ({
  finishSsoSignIn: async (identity: TVerifiedIdentity, origin: string) => {
    handedOver.push({ identity, origin });
    return new Response(null, { status: 303, headers: { location: `${origin}/login/sso?ticket=t` } });
  },
}));

const ADA = { nameId: "ada@acme.example", email: "ada@acme.example", name: "Ada", groups: ["payments/admin"] };
// The host the routes see; TEST_ORIGIN is what the SPs registered at the IdP.
const HEADERS = { host: new URL(TEST_ORIGIN).host, "x-forwarded-proto": "http" };

let idp: TFakeSamlIdp;
let acme: TSamlTenant;

beforeAll(async () => {
  idp = await startFakeSamlIdp({ users: [ADA] });
  acme = await createSamlTenant(idp);
});
afterAll(() => idp.close());
afterEach(() => {
  handedOver.length = 0;
  vi.restoreAllMocks();
});

const ctx = (org: string) => ({ params: Promise.resolve({ org }) });

const start = (org: string, callbackUrl?: string) => {
  const url = new URL(`${TEST_ORIGIN}/api/sso/${org}/saml/start`);
  if (callbackUrl !== undefined) url.searchParams.set("callbackUrl", callbackUrl);
  return startRoute.GET(new Request(url, { headers: HEADERS }), ctx(org));
};

const postAcs = (org: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  acsRoute.POST(
    new Request(`${TEST_ORIGIN}/api/sso/${org}/saml/acs`, {
      method: "POST",
      headers: { ...HEADERS, "content-type": "application/x-www-form-urlencoded", origin: "null", ...headers },
      body: new URLSearchParams(form),
    }),
    ctx(org),
  );

const metadata = (org: string) =>
  metadataRoute.GET(new Request(`${TEST_ORIGIN}/api/sso/${org}/saml/metadata`, { headers: HEADERS }), ctx(org));

const locationOf = (res: Response) => new URL(res.headers.get("location") ?? "", TEST_ORIGIN);

describe("GET /api/sso/<org>/saml/start", () => {
  it("redirects to the org's IdP with a signed AuthnRequest and remembers where to go back", async () => {
    const res = await start(acme.org.slug, "/o/acme/findings");
    expect(res.status).toBe(302);
    const location = locationOf(res);
    expect(`${location.origin}${location.pathname}`).toBe(idp.ssoUrl);
    expect(location.searchParams.get("Signature")).toBeTruthy();
    const requestId = location.searchParams.get("RelayState")!;
    const row = await db.ssoRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row).toMatchObject({ orgId: acme.org.id, protocol: "saml", callbackUrl: "/o/acme/findings" });
  });

  it.each(["https://evil.example/", "//evil.example", "/\\evil.example"])(
    "keeps only same-site paths as the callback: %s becomes /",
    async (callbackUrl) => {
      const res = await start(acme.org.slug, callbackUrl);
      const requestId = locationOf(res).searchParams.get("RelayState")!;
      expect((await db.ssoRequest.findUniqueOrThrow({ where: { id: requestId } })).callbackUrl).toBe("/");
    },
  );

  it("sends people of an org without (enabled) SAML back to the sign-in page", async () => {
    const plain = await createTestOrg();
    const off = await createSamlTenant(idp, { enabled: false });
    for (const slug of [plain.slug, off.org.slug, "no-such-org"]) {
      const res = await start(slug, "/");
      expect(res.status).toBe(302);
      expect(`${locationOf(res).pathname}${locationOf(res).search}`).toBe("/login?error=SsoNotConfigured");
    }
  });
});

describe("POST /api/sso/<org>/saml/acs", () => {
  it("hands the verified identity over to the sign-in after the IdP's form POST", async () => {
    const started = await start(acme.org.slug, "/o/acme");
    const posted = await signInAtIdp(locationOf(started).toString(), { email: ADA.email });
    const res = await postAcs(acme.org.slug, { SAMLResponse: posted.samlResponse, RelayState: posted.relayState! });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${TEST_ORIGIN}/login/sso?ticket=t`);
    expect(handedOver).toEqual([
      {
        origin: TEST_ORIGIN,
        identity: {
          orgId: acme.org.id,
          protocol: "saml",
          subject: ADA.nameId,
          email: ADA.email,
          name: ADA.name,
          groups: ["payments/admin"],
          callbackUrl: "/o/acme",
        },
      },
    ]);

    // The same POST again (a back button, or a stolen form) is refused and logged.
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const again = await postAcs(acme.org.slug, { SAMLResponse: posted.samlResponse, RelayState: posted.relayState! });
    expect(again.status).toBe(303);
    expect(`${locationOf(again).pathname}${locationOf(again).search}`).toBe("/login?error=SsoReplayed");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("was already used"));
    expect(handedOver).toHaveLength(1);
  });

  it("refuses a forged response with a 303 to the sign-in page, logging why, handing nothing over", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const samlResponse = await idp.issueResponse({
      user: ADA,
      spEntityId: acme.endpoints.samlEntityId,
      acsUrl: acme.endpoints.samlAcs,
      tweak: "unsigned",
    });
    const res = await postAcs(acme.org.slug, { SAMLResponse: samlResponse });
    expect(res.status).toBe(303);
    expect(`${locationOf(res).pathname}${locationOf(res).search}`).toBe("/login?error=SsoInvalidResponse");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("Invalid signature"));
    expect(handedOver).toEqual([]);
  });

  it("refuses a form without SAMLResponse, and an org without SAML", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const empty = await postAcs(acme.org.slug, { RelayState: "x" });
    expect(`${locationOf(empty).pathname}${locationOf(empty).search}`).toBe("/login?error=SsoInvalidResponse");
    const plain = await createTestOrg();
    const none = await postAcs(plain.slug, { SAMLResponse: "PHg+" });
    expect(none.status).toBe(303);
    expect(`${locationOf(none).pathname}${locationOf(none).search}`).toBe("/login?error=SsoNotConfigured");
  });

  it("answers 413 to a body over 256 KiB and 400 to anything but a form", async () => {
    const huge = await postAcs(acme.org.slug, { SAMLResponse: "A".repeat(256 * 1024) });
    expect(huge.status).toBe(413);
    const json = await acsRoute.POST(
      new Request(`${TEST_ORIGIN}/api/sso/${acme.org.slug}/saml/acs`, {
        method: "POST",
        headers: { ...HEADERS, "content-type": "application/json" },
        body: JSON.stringify({ SAMLResponse: "x" }),
      }),
      ctx(acme.org.slug),
    );
    expect(json.status).toBe(400);
    expect(handedOver).toEqual([]);
  });
});

describe("GET /api/sso/<org>/saml/metadata", () => {
  const parse = async (res: Response) =>
    new DOMParser({ onError: onErrorStopParsing }).parseFromString(await res.text(), "text/xml").documentElement!;
  const MD = "urn:oasis:names:tc:SAML:2.0:metadata";
  const bodyOf = (pem: string) => pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");

  it("serves valid SP metadata: entity id, ACS (HTTP-POST), signing certificate, signed requests", async () => {
    const res = await metadata(acme.org.slug);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/xml/);
    const root = await parse(res);
    expect(root.localName).toBe("EntityDescriptor");
    expect(root.getAttribute("entityID")).toBe(acme.endpoints.samlEntityId);
    const sp = root.getElementsByTagNameNS(MD, "SPSSODescriptor")[0];
    expect(sp.getAttribute("AuthnRequestsSigned")).toBe("true");
    expect(sp.getAttribute("WantAssertionsSigned")).toBe("true");
    const acs = sp.getElementsByTagNameNS(MD, "AssertionConsumerService")[0];
    expect(acs.getAttribute("Binding")).toBe("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
    expect(acs.getAttribute("Location")).toBe(acme.endpoints.samlAcs);
    const keys = Array.from(sp.getElementsByTagNameNS(MD, "KeyDescriptor"));
    expect(keys.map((k) => k.getAttribute("use"))).toEqual(["signing"]);
    expect(keys[0].textContent?.replace(/\s+/g, "")).toBe(bodyOf(acme.keys.certificatePem));
  });

  it("adds the encryption certificate when the org wants encrypted assertions, and serves before enabling", async () => {
    const sealed = await createSamlTenant(idp, { enabled: false, settings: { encryptedAssertions: true } });
    const root = await parse(await metadata(sealed.org.slug));
    const uses = Array.from(root.getElementsByTagNameNS(MD, "KeyDescriptor")).map((k) => k.getAttribute("use"));
    expect(uses.sort()).toEqual(["encryption", "signing"]);
  });

  it("answers 404 for an org without a SAML connection", async () => {
    const plain = await createTestOrg();
    expect((await metadata(plain.slug)).status).toBe(404);
    expect((await metadata("no-such-org")).status).toBe(404);
  });
});
