import type { ReactNode } from "react";
import type { TConnectionView } from "@/lib/notifications/connections/queries";
import type { TSubscriptionView } from "@/lib/notifications/subscriptions/queries";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { EmptyIcon } from "@/components/ui/icons";
import type { TOwnerRef } from "./connection-form";
import { AddConnectionButton } from "./connection-actions";
import { ConnectionList } from "./connection-list";
import { AddSubscriptionButton } from "./subscription-actions";
import { SubscriptionList, type TSubscriptionEditing } from "./subscription-list";

// The two sections every notification settings page has, for the organization (Settings →
// Integrations) and for a team (its Notifications tab): the same components, another owner.

type TEmpty = { title: string; body: ReactNode };

function Empty({ empty }: { empty: TEmpty }) {
  return (
    <div className="p-5">
      <EmptyState icon={<EmptyIcon name="bell" />} title={empty.title}>
        {empty.body}
      </EmptyState>
    </div>
  );
}

/** Connections with their health; `add` is the owner new ones belong to (null: read-only). */
export function ConnectionsCard({
  title,
  description,
  connections,
  orgSlug,
  add,
  manage,
  showOwner = false,
  now,
  empty,
}: {
  title: string;
  description: ReactNode;
  connections: TConnectionView[];
  orgSlug: string;
  add: TOwnerRef | null;
  manage: boolean;
  showOwner?: boolean;
  now: Date;
  empty: TEmpty;
}) {
  return (
    <Card>
      <CardHeader title={title} description={description} actions={add ? <AddConnectionButton owner={add} /> : null} />
      {connections.length ? (
        <ConnectionList
          connections={connections}
          orgSlug={orgSlug}
          manage={manage}
          showOwner={showOwner}
          now={now}
          label={title}
        />
      ) : (
        <Empty empty={empty} />
      )}
    </Card>
  );
}

/** Subscriptions with what they send; `editing` adds, edits and deletes them (null: read-only). */
export function SubscriptionsCard({
  title,
  description,
  subscriptions,
  editing,
  timeZone,
  empty,
}: {
  title: string;
  description: ReactNode;
  subscriptions: TSubscriptionView[];
  editing: TSubscriptionEditing | null;
  timeZone: string;
  empty: TEmpty;
}) {
  return (
    <Card>
      <CardHeader
        title={title}
        description={description}
        actions={editing ? <AddSubscriptionButton {...editing} /> : null}
      />
      {subscriptions.length ? (
        <SubscriptionList subscriptions={subscriptions} editing={editing} timeZone={timeZone} label={title} />
      ) : (
        <Empty empty={empty} />
      )}
    </Card>
  );
}
