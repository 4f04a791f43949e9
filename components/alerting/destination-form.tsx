"use client";

import { useActionState, useState } from "react";
import { createDestinationAction, updateDestinationAction } from "@/lib/alerting/actions";
import { ZDestinationName, ZRoutingKey } from "@/lib/alerting/schemas";
import { Alert } from "@/components/ui/alert";
import { Field, Input, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

type TTeam = { id: string; name: string };

/** The first message of a schema for a value, or undefined when it is valid (checked as you type). */
function problem(schema: typeof ZRoutingKey | typeof ZDestinationName, value: string): string | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

/**
 * Adds a destination (name, Events v2 integration key, owning team) or edits one; when editing,
 * an empty key keeps the current one. The key is checked here and again on the server.
 */
export function DestinationForm({
  orgSlug,
  teams,
  destination,
}: {
  orgSlug: string;
  teams: TTeam[];
  destination?: { id: string; name: string; teamId: string | null; maskedKey: string };
}) {
  const editing = Boolean(destination);
  const [name, setName] = useState(destination?.name ?? "");
  const [routingKey, setRoutingKey] = useState("");
  const [teamId, setTeamId] = useState(destination?.teamId ?? "");
  const [touched, setTouched] = useState({ name: false, key: false });
  const [state, action] = useActionState(async (prev: unknown, form: FormData) => {
    const result = await (editing ? updateDestinationAction : createDestinationAction)(prev, form);
    // A new destination empties the form for the next one; an edit keeps what was saved.
    if (result.ok && !editing) {
      setName("");
      setTeamId("");
      setTouched({ name: false, key: false });
    }
    if (result.ok) setRoutingKey("");
    return result;
  }, null);
  const server = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const keyProblem = routingKey || !editing ? problem(ZRoutingKey, routingKey) : undefined;
  const nameProblem = problem(ZDestinationName, name);
  const keyErrors = touched.key && keyProblem ? [keyProblem] : server.routingKey;
  const nameErrors = touched.name && nameProblem ? [nameProblem] : server.name;

  return (
    <form
      action={action}
      noValidate
      onSubmit={(e) => {
        // Show the problems instead of a round trip that would only repeat them.
        if (nameProblem || keyProblem) {
          e.preventDefault();
          setTouched({ name: true, key: true });
        }
      }}
      className="space-y-4"
    >
      <input type="hidden" name="org" value={orgSlug} />
      {destination ? <input type="hidden" name="destinationId" value={destination.id} /> : null}
      {state?.ok ? (
        <Alert tone="success">
          {editing
            ? `Saved${state.data.keyReplaced ? "; the new key is used from now on" : ""}.`
            : `Added ${state.data.name}. Send it a test event to check the key.`}
        </Alert>
      ) : null}
      {state && !state.ok && !state.error.fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      <div className="grid gap-4 lg:grid-cols-[1fr_1.3fr_1fr]">
        <Field id={`dest-name-${destination?.id ?? "new"}`} label="Name" errors={nameErrors}>
          <Input
            id={`dest-name-${destination?.id ?? "new"}`}
            name="name"
            value={name}
            maxLength={80}
            placeholder="Payments on-call"
            aria-invalid={Boolean(nameErrors?.length)}
            onChange={(e) => setName(e.target.value)}
            onBlur={() => setTouched((t) => ({ ...t, name: true }))}
          />
        </Field>
        <Field
          id={`dest-key-${destination?.id ?? "new"}`}
          label={editing ? "New integration key" : "Integration key"}
          hint={
            editing
              ? `Leave empty to keep ${destination!.maskedKey}.`
              : "The service's Events API v2 integration key: 32 letters and digits."
          }
          errors={keyErrors}
        >
          <Input
            id={`dest-key-${destination?.id ?? "new"}`}
            name="routingKey"
            value={routingKey}
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            className="font-mono"
            aria-invalid={Boolean(keyErrors?.length)}
            onChange={(e) => setRoutingKey(e.target.value.trim())}
            onBlur={() => setTouched((t) => ({ ...t, key: true }))}
          />
        </Field>
        <Field
          id={`dest-team-${destination?.id ?? "new"}`}
          label="Owning team"
          hint="Rules that send to “the team's own destination” use it."
          errors={server.teamId}
        >
          <Select
            id={`dest-team-${destination?.id ?? "new"}`}
            name="teamId"
            value={teamId}
            onChange={(e) => setTeamId(e.target.value)}
          >
            <option value="">No team (org-wide)</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <SubmitButton pendingLabel={editing ? "Saving…" : "Adding…"}>
        {editing ? "Save destination" : "Add destination"}
      </SubmitButton>
    </form>
  );
}
