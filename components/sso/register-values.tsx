import type { TSsoSettings } from "@/lib/sso/config/queries";
import { CertificateList } from "./certificate-list";
import { CopyValue } from "./copy-value";

/**
 * What the owner enters in the IdP's console for this organization. Before a protocol is chosen
 * both sets are shown: most IdPs ask for them before they hand out a client ID or metadata.
 */
export function RegisterValues({ settings }: { settings: TSsoSettings }) {
  const { connection, endpoints } = settings;
  const showOidc = !connection || connection.protocol === "oidc";
  const showSaml = !connection || connection.protocol === "saml";
  return (
    <div className="space-y-5">
      {showOidc ? (
        <section className="space-y-3" aria-label="OpenID Connect values">
          {!connection ? <h3 className="text-sm font-semibold text-slate-800">OpenID Connect</h3> : null}
          <CopyValue label="Redirect URI (sign-in redirect / callback URL)" value={endpoints.oidcRedirectUri} />
          <CopyValue label="Initiate login URI (optional)" value={endpoints.start} />
          <p className="text-xs text-slate-500">
            Register a web application with the authorization code flow; Bumpers uses PKCE (S256), state and nonce.
          </p>
        </section>
      ) : null}
      {showSaml ? (
        <section className="space-y-3" aria-label="SAML values">
          {!connection ? <h3 className="text-sm font-semibold text-slate-800">SAML 2.0</h3> : null}
          <CopyValue label="SP entity ID (audience)" value={endpoints.samlEntityId} />
          <CopyValue label="ACS URL (reply URL)" value={endpoints.samlAcs} />
          <CopyValue label="SP metadata URL" value={endpoints.samlMetadata} />
          {connection?.protocol === "saml" && connection.spCertificate ? (
            <CertificateList
              title="Bumpers' signing certificate (in the SP metadata)"
              certificates={[connection.spCertificate]}
            />
          ) : (
            <p className="text-xs text-slate-500">
              Bumpers&apos; own signing certificate is generated with the first SAML save and published in the SP
              metadata. Name ID format: email address.
            </p>
          )}
        </section>
      ) : null}
    </div>
  );
}
