// The demo's identity providers: a local OpenID Connect provider that Acme signs in through, and a
// local SAML IdP to try SAML with (its metadata URL goes into Settings → Single sign-on). Both
// know one person, Sam Rivera (sam@acme.example), with the demo password.

import { connectAcmeSso, DEMO_SSO_USER } from "../../prisma/demo/sso";

export type TDemoSso = { lines: string[]; stop: () => Promise<void> };

export async function startDemoSso(options: { password: string; appUrl: string }): Promise<TDemoSso> {
  const { startFakeOidcProvider } = await import("@/lib/testing/fake-oidc-provider");
  const { startFakeSamlIdp } = await import("@/lib/testing/fake-saml-idp");
  const app = options.appUrl.replace(/\/+$/, "");
  const oidc = await startFakeOidcProvider({
    port: Number(process.env.BUMPERS_FAKE_OIDC_PORT || 0),
    users: [{ ...DEMO_SSO_USER, password: options.password }],
  });
  const saml = await startFakeSamlIdp({
    port: Number(process.env.BUMPERS_FAKE_SAML_PORT || 0),
    users: [
      {
        nameId: DEMO_SSO_USER.email,
        email: DEMO_SSO_USER.email,
        name: DEMO_SSO_USER.name,
        groups: DEMO_SSO_USER.groups,
        password: options.password,
      },
    ],
  });
  saml.addServiceProvider({ entityId: `${app}/api/sso/acme/saml/metadata`, acsUrl: `${app}/api/sso/acme/saml/acs` });
  const client = await connectAcmeSso({ issuer: oidc.issuer });
  if (client) {
    oidc.addClient({ ...client, redirectUris: [`${app}/api/sso/acme/oidc/callback`] });
  }
  process.env.BUMPERS_DEMO_SSO_EMAIL = DEMO_SSO_USER.email;
  return {
    lines: [
      `Single sign-on: Acme signs in through a local OpenID Connect provider at ${oidc.issuer}`,
      `  (on the sign-in page, enter ${DEMO_SSO_USER.email} and continue with single sign-on; the demo password works there).`,
      `  A local SAML IdP to try SAML with: metadata at ${saml.metadataUrl}`,
    ],
    stop: async () => void (await Promise.allSettled([oidc.close(), saml.close()])),
  };
}
