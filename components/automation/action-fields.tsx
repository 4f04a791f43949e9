"use client";

import type { ReactNode } from "react";
import { SEVERITY_LEVELS } from "@/lib/domain/severity";
import { ACTION_LABELS, RULE_RESOLUTIONS, type TActionKey, type TActionsInput } from "@/lib/automation/schemas";
import type { TEditorChoices } from "@/lib/automation/rules/editor-choices";
import { Field, FieldError, Input, Select } from "@/components/ui/field";
import { ChipsInput } from "./chips-input";
import { errorsUnder, toggleAction } from "./rule-draft";

const RESOLUTION_LABELS = { will_not_fix: "Will not fix", working_as_intended: "Working as intended" } as const;
const PD_SEVERITIES = ["critical", "error", "warning", "info"] as const;
const TICKET_SUBJECTS = [
  { value: "check_cluster", label: "One ticket per check and cluster" },
  { value: "check", label: "One ticket per check" },
  { value: "findings", label: "One ticket per finding" },
] as const;

type TProps = {
  actions: TActionsInput;
  onChange: (actions: TActionsInput) => void;
  errors: Record<string, string[]>;
  choices: TEditorChoices;
  /** Org rules may give findings to another team. */
  isOrgRule: boolean;
  idPrefix: string;
};

const days = (v: unknown) => (v === "" || v === undefined ? "" : String(v));
const asNumber = (v: string) => (v === "" ? ("" as unknown as number) : Number(v));

/** Every action a rule can take, each switched on with its checkbox and then filled in. */
export function ActionFields({ actions, onChange, errors, choices, isOrgRule, idPrefix }: TProps) {
  const set = <K extends TActionKey>(key: K, value: TActionsInput[K]) => onChange({ ...actions, [key]: value });
  const id = (key: string) => `${idPrefix}-action-${key}`;
  const section = (key: TActionKey, body: ReactNode, hint?: string) => (
    <div key={key} className="rounded-md border border-slate-200 p-3">
      <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
        <input
          type="checkbox"
          className="size-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
          checked={actions[key] !== undefined}
          onChange={(e) => onChange(toggleAction(actions, key, e.target.checked))}
        />
        {ACTION_LABELS[key]}
      </label>
      {hint && actions[key] === undefined ? <p className="ml-6 mt-0.5 text-xs text-slate-500">{hint}</p> : null}
      {actions[key] !== undefined ? <div className="ml-6 mt-2 grid gap-3 sm:grid-cols-2">{body}</div> : null}
      <FieldError id={id(key)} errors={errorsUnder(errors, `actions.${key}`)} className="ml-6 mt-1" />
    </div>
  );

  const { severity, assign, team, addTags, snooze, resolve, due, ticket, notify, page } = actions;
  return (
    <div className="space-y-3">
      <FieldError id={`${idPrefix}-actions`} errors={errors.actions} />
      {section(
        "severity",
        <>
          <Field id={id("severity-to")} label="New severity">
            <Select
              value={severity?.to ?? "low"}
              onChange={(e) => set("severity", { reason: "", ...severity, to: e.target.value as "low" })}
            >
              {SEVERITY_LEVELS.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={id("severity-reason")} label="Reason (shown on the finding)">
            <Input
              value={severity?.reason ?? ""}
              onChange={(e) => set("severity", { to: "low", ...severity, reason: e.target.value })}
              maxLength={500}
            />
          </Field>
        </>,
        "Raise or lower the severity; the reason is shown in the finding's history.",
      )}
      {section(
        "assign",
        <Field id={id("assign-user")} label="Person" hint="People who can see these findings.">
          <Select value={assign?.userId ?? ""} onChange={(e) => set("assign", { userId: e.target.value })}>
            <option value="">Choose a person…</option>
            {choices.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>,
      )}
      {isOrgRule
        ? section(
            "team",
            <Field id={id("team-team")} label="Team">
              <Select value={team?.teamId ?? ""} onChange={(e) => set("team", { teamId: e.target.value })}>
                <option value="">Choose a team…</option>
                {choices.teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </Select>
            </Field>,
            "Give the findings to another team (org rules only).",
          )
        : null}
      {section(
        "addTags",
        <div className="sm:col-span-2">
          <ChipsInput
            id={id("tags")}
            label="tag"
            values={(addTags as string[] | undefined) ?? []}
            onChange={(v) => set("addTags", v)}
            placeholder="platform, sandbox…"
          />
        </div>,
      )}
      {section(
        "snooze",
        <Field id={id("snooze-days")} label="Days">
          <Input
            type="number"
            min={1}
            max={365}
            value={days(snooze?.days)}
            onChange={(e) => set("snooze", { days: asNumber(e.target.value) })}
          />
        </Field>,
        "Snooze for N days from when the rule first applies (once per finding).",
      )}
      {section(
        "resolve",
        <>
          <Field id={id("resolve-resolution")} label="Resolution">
            <Select
              value={resolve?.resolution ?? "will_not_fix"}
              onChange={(e) => set("resolve", { reason: "", ...resolve, resolution: e.target.value as "will_not_fix" })}
            >
              {RULE_RESOLUTIONS.map((r) => (
                <option key={r} value={r}>
                  {RESOLUTION_LABELS[r]}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={id("resolve-reason")} label="Reason">
            <Input
              value={resolve?.reason ?? ""}
              onChange={(e) => set("resolve", { resolution: "will_not_fix", ...resolve, reason: e.target.value })}
              maxLength={500}
            />
          </Field>
          <Field id={id("resolve-expires")} label="Reopen after (days, optional)">
            <Input
              type="number"
              min={1}
              max={365}
              value={days(resolve?.expiresInDays)}
              onChange={(e) =>
                set("resolve", {
                  resolution: "will_not_fix",
                  reason: "",
                  ...resolve,
                  expiresInDays: e.target.value === "" ? undefined : Number(e.target.value),
                })
              }
            />
          </Field>
        </>,
      )}
      {section(
        "due",
        <Field id={id("due-days")} label="Due after (days)">
          <Input
            type="number"
            min={1}
            max={365}
            value={days(due?.days)}
            onChange={(e) => set("due", { days: asNumber(e.target.value) })}
          />
        </Field>,
        "Counted from first seen (or reopened), instead of the SLA policy's days.",
      )}
      {section(
        "ticket",
        <Field id={id("ticket-subject")} label="Tickets">
          <Select
            value={ticket?.subject ?? "check_cluster"}
            onChange={(e) => set("ticket", { subject: e.target.value as "check" })}
          >
            {TICKET_SUBJECTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </Select>
        </Field>,
        "In the team's ticket project (Jira or GitHub).",
      )}
      {section(
        "notify",
        <>
          <Field id={id("notify-connection")} label="Connection">
            <Select
              value={notify?.connectionId ?? ""}
              onChange={(e) => set("notify", { target: "", ...notify, connectionId: e.target.value })}
            >
              <option value="">
                {choices.connections.length ? "Choose a connection…" : "No message connection yet"}
              </option>
              {choices.connections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={id("notify-target")} label="Channel or addresses (optional)">
            <Input
              value={notify?.target ?? ""}
              onChange={(e) => set("notify", { connectionId: "", ...notify, target: e.target.value })}
              maxLength={200}
              placeholder="#platform-alerts"
            />
          </Field>
        </>,
      )}
      {section(
        "page",
        <>
          <Field id={id("page-destination")} label="PagerDuty destination">
            <Select
              value={page?.destinationId ?? ""}
              onChange={(e) => set("page", { severity: "error", ...page, destinationId: e.target.value })}
            >
              <option value="">{choices.destinations.length ? "Choose a destination…" : "No destination yet"}</option>
              {choices.destinations.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={id("page-severity")} label="PagerDuty severity">
            <Select
              value={page?.severity ?? "error"}
              onChange={(e) => set("page", { destinationId: "", ...page, severity: e.target.value as "error" })}
            >
              {PD_SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </Field>
        </>,
      )}
    </div>
  );
}
