import type { TScimTokenRow } from "@/lib/sso/config/queries";
import { NoTokens, statusColumn, TokenTable, tokenColumns } from "@/components/tokens/token-columns";
import { CopyValue } from "./copy-value";
import { CreateScimTokenForm, RevokeScimTokenButton } from "./scim-token-forms";

/** SCIM 2.0 provisioning: the base URL to register at the IdP and its bearer tokens. */
export function Scim({ orgSlug, baseUrl, tokens }: { orgSlug: string; baseUrl: string; tokens: TScimTokenRow[] }) {
  const now = new Date();
  const { hint, created, lastUsed } = tokenColumns<TScimTokenRow>(now);
  return (
    <>
      <div className="space-y-4 border-b border-slate-100 px-5 py-4">
        <p className="text-sm text-slate-600">
          Your IdP creates, updates and deactivates members and keeps team membership in step with its groups. A
          deactivated person loses access at their next request. In the IdP&apos;s provisioning settings enter this base
          URL and a token below as the bearer token (Okta: “SCIM connector base URL”, “HTTP Header”; Entra ID: “Tenant
          URL”, “Secret token”).
        </p>
        <div className="max-w-2xl">
          <CopyValue label="SCIM base URL" value={baseUrl} />
        </div>
        <CreateScimTokenForm orgSlug={orgSlug} />
      </div>
      <div className={tokens.length ? undefined : "pt-5"}>
        {tokens.length ? (
          <TokenTable
            tokens={tokens}
            columns={[
              { key: "name", header: "Name", className: "font-medium text-slate-900", cell: (t) => t.name },
              hint,
              created,
              lastUsed,
              statusColumn(now, (token) => <RevokeScimTokenButton orgSlug={orgSlug} token={token} />),
            ]}
          />
        ) : (
          <NoTokens title="No SCIM tokens yet">
            Create one for your IdP&apos;s provisioning app. It is shown once; Bumpers keeps only its hash.
          </NoTokens>
        )}
      </div>
    </>
  );
}
