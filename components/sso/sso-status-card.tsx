import type { ReactNode } from "react";
import type { TSsoSettings } from "@/lib/sso/config/queries";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { PROTOCOL_LABELS } from "./labels";

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
      <dd className="mt-1 text-sm text-slate-800">{children}</dd>
    </div>
  );
}

/** Where the org's single sign-on stands, at a glance. */
export function SsoStatusCard({ settings }: { settings: TSsoSettings }) {
  const { connection, policy, domains } = settings;
  return (
    <Card>
      <CardHeader
        title="Status"
        description="Single sign-on lets your people sign in to this organization through your identity provider."
      />
      <CardBody>
        <dl className="grid gap-4 sm:grid-cols-3 lg:grid-cols-5" data-testid="sso-status">
          <Item term="Identity provider">
            {connection ? PROTOCOL_LABELS[connection.protocol] : <span className="text-slate-500">Not set up</span>}
          </Item>
          <Item term="Single sign-on">
            {policy.enabled ? <Badge tone="green">On</Badge> : <Badge tone="neutral">Off</Badge>}
          </Item>
          <Item term="Enforced">
            {policy.enforced ? <Badge tone="amber">Enforced</Badge> : <Badge tone="neutral">Not enforced</Badge>}
          </Item>
          <Item term="Validated">
            {connection?.validatedAt ? (
              <time dateTime={connection.validatedAt.toISOString()}>{formatDateTime(connection.validatedAt)}</time>
            ) : connection ? (
              <Badge tone="amber">Not since the last change</Badge>
            ) : (
              <span className="text-slate-500">—</span>
            )}
          </Item>
          <Item term="Domains">
            {domains.length ? (
              <span className="break-words">{domains.map((d) => d.domain).join(", ")}</span>
            ) : (
              <span className="text-slate-500">None claimed</span>
            )}
          </Item>
        </dl>
      </CardBody>
    </Card>
  );
}
