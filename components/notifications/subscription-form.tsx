"use client";

import { useState } from "react";
import { DEFAULT_SUBSCRIPTION_EVENTS } from "@/lib/domain/notification-events";
import { saveSubscriptionAction } from "@/lib/notifications/actions";
import { connectionOptions, eventAreas, targetFieldOf, type TConnectionChoice } from "@/lib/notifications/page-state";
import type { TSubscriptionView } from "@/lib/notifications/subscriptions/queries";
import { Checkbox, Field, Input, Options, Select, Textarea } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useActionForm } from "@/components/ui/use-action-form";
import { GroupingField, MatchFields } from "@/components/alerting/match-fields";
import type { TOwnerRef } from "./connection-form";
import { DigestFields } from "./digest-fields";
import { SlackChannelPicker } from "./slack-channel-picker";

const fieldset = "space-y-3 rounded-md border border-slate-200 p-3";
const legend = "px-1 text-sm font-medium text-slate-700";

/** The event types, ticked by area as the catalog groups them. */
function EventCheckboxes({ events, errors }: { events: readonly string[]; errors?: string[] }) {
  return (
    <fieldset className={fieldset} aria-describedby={errors?.length ? "events-error" : undefined}>
      <legend className={legend}>Events</legend>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {eventAreas().map(({ area, events: ofArea }) => (
          <fieldset key={area}>
            <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">{area}</legend>
            <div className="mt-1 space-y-1">
              {ofArea.map((e) => (
                <Checkbox key={e.type} name="events" value={e.type} defaultChecked={events.includes(e.type)}>
                  {e.label}
                </Checkbox>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      {errors?.length ? (
        <p id="events-error" role="alert" className="text-xs text-red-600">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * Adds or edits a subscription of the organization (team "") or of a team: where it goes (a
 * connection, with a Slack channel or email addresses, or mail through Bumpers), what (events
 * matched like alert rules, or a digest), and for the organization whether every team must get it.
 */
export function SubscriptionForm({
  owner,
  connections,
  subscription: s,
  timeZone,
  onDone,
  onCancel,
}: {
  owner: TOwnerRef;
  /** The connections this owner may send through. */
  connections: TConnectionChoice[];
  subscription?: TSubscriptionView;
  /** The zone digest hours are in. */
  timeZone: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<"events" | "digest">(s?.kind ?? "events");
  const [connectionId, setConnectionId] = useState(s ? (s.connectionId ?? "") : (connections[0]?.id ?? ""));
  const { submit, pending, errors, formError } = useActionForm(saveSubscriptionAction, { onSuccess: onDone });
  const id = (name: string) => `subscription-${s?.id ?? "new"}-${name}`;
  const connection = connections.find((c) => c.id === connectionId) ?? null;
  const target = targetFieldOf(connectionId ? (connection?.kind ?? null) : null);
  // What was saved belongs to the saved connection; another one starts empty.
  const saved = s && (s.connectionId ?? "") === connectionId ? s : undefined;
  const isOrg = owner.teamSlug === "";

  return (
    <form onSubmit={submit} className="space-y-4" aria-label={s ? `Edit ${s.name}` : "New subscription"}>
      <HiddenFields values={{ org: owner.orgSlug, team: owner.teamSlug, subscriptionId: s?.id, enabledPresent: "1" }} />
      <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
        <Field id={id("name")} label="Name" errors={errors.name}>
          <Input name="name" required maxLength={80} defaultValue={s?.name} placeholder="Security news to #alerts" />
        </Field>
        <Field id={id("kind")} label="Sends" errors={errors.kind}>
          <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value as "events" | "digest")}>
            <option value="events">Events as they happen</option>
            <option value="digest">A digest</option>
          </Select>
        </Field>
      </div>

      <fieldset className={fieldset}>
        <legend className={legend}>Where</legend>
        <Field id={id("connectionId")} label="Send through" errors={errors.connectionId}>
          <Select name="connectionId" value={connectionId} onChange={(e) => setConnectionId(e.target.value)}>
            <Options options={connectionOptions(connections)} />
          </Select>
        </Field>
        {target === "channel" ? (
          <SlackChannelPicker
            key={connectionId}
            owner={owner}
            connectionId={connectionId}
            id={id("channel")}
            label="Slack channel"
            errors={errors.target}
            current={saved?.target ? { id: saved.target, name: saved.targetLabel } : null}
          />
        ) : target === "addresses" ? (
          <Field
            id={id("target")}
            label="Email addresses"
            errors={errors.target}
            hint={`Separated by commas, at most 20.${connectionId ? "" : " Sent by this Bumpers server's mail settings."} Each mail has its own unsubscribe link.`}
          >
            <Textarea name="target" rows={2} required defaultValue={saved?.target} placeholder="oncall@example.com" />
          </Field>
        ) : (
          <p className="text-sm text-slate-500">Messages go to the address of the connection itself.</p>
        )}
      </fieldset>

      {kind === "events" ? (
        <>
          <EventCheckboxes
            events={s?.kind === "events" ? s.events : DEFAULT_SUBSCRIPTION_EVENTS}
            errors={errors.events}
          />
          <fieldset className={fieldset}>
            <legend className={legend}>Matches</legend>
            <MatchFields id={id} match={s?.match} errors={errors} />
            <GroupingField
              id={id("grouping")}
              label="One message per"
              errors={errors.grouping}
              grouping={s?.grouping}
              className="w-64"
            />
          </fieldset>
        </>
      ) : (
        <fieldset className={fieldset}>
          <legend className={legend}>Digest</legend>
          <DigestFields id={id} errors={errors} timeZone={timeZone} initial={s?.kind === "digest" ? s : undefined} />
        </fieldset>
      )}

      <div className="space-y-2">
        {isOrg && kind === "events" ? (
          <Checkbox name="baseline" defaultChecked={s?.baseline ?? false} className="items-start [&>input]:mt-0.5">
            <span>
              <span className="font-medium">Baseline: required for every team.</span>{" "}
              <span className="text-slate-500">
                Each team&apos;s news goes to that team&apos;s own channel, or here when a team has none. Teams cannot
                switch it off.
              </span>
            </span>
          </Checkbox>
        ) : null}
        {errors.baseline ? <p className="text-xs text-red-600">{errors.baseline.join(" ")}</p> : null}
        <Checkbox name="enabled" defaultChecked={s?.enabled ?? true}>
          Enabled
        </Checkbox>
      </div>

      <FormFooter
        submitLabel={s ? "Save subscription" : "Add subscription"}
        pending={pending}
        error={formError}
        onCancel={onCancel}
      />
    </form>
  );
}
