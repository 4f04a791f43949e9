import { Badge } from "@/components/ui/badge";
import { TOKEN_KIND_LABELS } from "@/lib/tokens/schemas";
import type { TOrgTokenRow } from "@/lib/tokens/queries";
import { RevokeTokenButton } from "./revoke-token-button";
import { NoTokens, statusColumn, TokenTable, tokenColumns } from "./token-columns";

export function OrgTokenTable({ tokens, orgSlug }: { tokens: TOrgTokenRow[]; orgSlug: string }) {
  if (!tokens.length) {
    return (
      <NoTokens title="No API tokens yet">
        Create one above to call the Bumpers API from scripts, CI or a fleet install. Each token is shown once.
      </NoTokens>
    );
  }
  const now = new Date();
  const { hint, created, lastUsed } = tokenColumns<TOrgTokenRow>(now);
  return (
    <TokenTable
      tokens={tokens}
      columns={[
        { key: "name", header: "Name", className: "font-medium text-slate-900", cell: (t) => t.name },
        {
          key: "access",
          header: "Access",
          cell: (t) => (
            <Badge tone={t.kind === "org_admin" ? "amber" : t.kind === "ci" ? "green" : "blue"}>
              {TOKEN_KIND_LABELS[t.kind]}
            </Badge>
          ),
        },
        hint,
        {
          key: "created-by",
          header: "Created by",
          cell: (t) => (t.createdBy ? <span title={t.createdBy.email}>{t.createdBy.name}</span> : "—"),
        },
        created,
        lastUsed,
        statusColumn(now, (token) => <RevokeTokenButton orgSlug={orgSlug} token={token} />),
      ]}
    />
  );
}
