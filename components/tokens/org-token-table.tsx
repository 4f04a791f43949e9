import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { TOKEN_KIND_LABELS } from "@/lib/tokens/schemas";
import type { TOrgTokenRow } from "@/lib/tokens/queries";
import { formatDate, formatDateTime, formatLastUsed } from "@/components/ui/format";
import { RevokeTokenButton } from "./revoke-token-button";

export function OrgTokenTable({ tokens, orgSlug }: { tokens: TOrgTokenRow[]; orgSlug: string }) {
  if (!tokens.length) {
    return (
      <div className="px-5 pb-5">
        <EmptyState title="No API tokens yet">
          Create one above to call the Bumpers API from scripts, CI or a fleet install. Each token is shown once.
        </EmptyState>
      </div>
    );
  }
  const now = new Date();
  return (
    <Table>
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Access</Th>
          <Th>Token</Th>
          <Th>Created by</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>
            <span className="sr-only">Status and actions</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {tokens.map((t) => (
          <tr key={t.id} className={t.revokedAt ? "text-slate-400" : undefined}>
            <Td className="font-medium text-slate-900">{t.name}</Td>
            <Td>
              <Badge tone={t.kind === "org_admin" ? "amber" : t.kind === "ci" ? "green" : "blue"}>{TOKEN_KIND_LABELS[t.kind]}</Badge>
            </Td>
            <Td>
              <code className="font-mono text-xs">{t.hint}</code>
            </Td>
            <Td>{t.createdBy ? <span title={t.createdBy.email}>{t.createdBy.name}</span> : "—"}</Td>
            <Td className="whitespace-nowrap">
              <time dateTime={t.createdAt.toISOString()} title={formatDateTime(t.createdAt)}>
                {formatDate(t.createdAt)}
              </time>
            </Td>
            <Td className="whitespace-nowrap">
              {t.lastUsedAt ? (
                <time dateTime={t.lastUsedAt.toISOString()} title={formatDateTime(t.lastUsedAt)}>
                  {formatLastUsed(t.lastUsedAt, now)}
                </time>
              ) : (
                <span className="text-slate-500">never</span>
              )}
            </Td>
            <Td className="text-right">
              {t.revokedAt ? (
                <Badge tone="neutral">
                  <span title={formatDateTime(t.revokedAt)}>Revoked {formatDate(t.revokedAt)}</span>
                </Badge>
              ) : (
                <RevokeTokenButton
                  orgSlug={orgSlug}
                  token={{ id: t.id, name: t.name, hint: t.hint, lastUsed: formatLastUsed(t.lastUsedAt, now) }}
                />
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
