"use client";

import { startTransition, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { saveTicketProjectAction, ticketProjectOptionsAction } from "@/lib/tickets/project-actions";
import type { TProjectOptions } from "@/lib/tickets/provider";
import type { TTicketProjectView } from "@/lib/tickets/projects/get-ticket-project";
import { providerOfKind, type TTicketConnectionKind } from "@/lib/tickets/schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, Select } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { GithubRepoFields } from "./github-repo-fields";
import { JiraProjectFields } from "./jira-project-fields";
import { TestTicketButton } from "./test-ticket-button";

// Where the owner's tickets go: the connection, the project or repository, and (for teams) how
// closed tickets and comments come back. "Fetch options" asks the provider for the draft's issue
// types, priorities, fields and milestones; a test ticket lists the workflow's transitions.

export type TTicketConnectionChoice = {
  id: string;
  name: string;
  kind: TTicketConnectionKind;
  teamName: string | null;
};

export function TicketSettingsPanel({
  owner,
  connections,
  project,
  showSyncSwitches,
}: {
  owner: { orgSlug: string; teamSlug: string };
  connections: TTicketConnectionChoice[];
  project: TTicketProjectView | null;
  showSyncSwitches: boolean;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [connectionId, setConnectionId] = useState(project?.connectionId ?? connections[0]?.id ?? "");
  const [options, setOptions] = useState<TProjectOptions | null>(null);
  const [optionsError, setOptionsError] = useState<string | null>(null);
  const [loadingOptions, setLoadingOptions] = useState(false);
  const [transitions, setTransitions] = useState<{ id: string; name: string }[] | null>(null);
  const { submit, pending, errors, formError, state } = useActionForm(saveTicketProjectAction, {
    onSuccess: () => router.refresh(),
  });
  const connection = connections.find((c) => c.id === connectionId);
  const provider = connection ? providerOfKind(connection.kind) : "jira";
  const settings = project && project.settings.provider === provider ? project.settings : null;

  const fetchOptions = () => {
    if (!formRef.current) return;
    const form = new FormData(formRef.current);
    setLoadingOptions(true);
    setOptionsError(null);
    startTransition(async () => {
      const answer = await ticketProjectOptionsAction(null, form);
      setLoadingOptions(false);
      if (answer.ok) setOptions(answer.data);
      else setOptionsError(answer.error.message);
    });
  };

  return (
    <div className="space-y-6">
      <form ref={formRef} onSubmit={submit} className="space-y-5" aria-label="Ticket settings">
        <HiddenFields values={{ org: owner.orgSlug, team: owner.teamSlug, provider }} />
        <Field id="ticket-connectionId" label="Connection" errors={errors.connectionId}>
          <Select
            name="connectionId"
            value={connectionId}
            onChange={(e) => {
              setConnectionId(e.target.value);
              setOptions(null);
              setTransitions(null);
            }}
          >
            {connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.teamName ? ` (${c.teamName})` : ""}
              </option>
            ))}
          </Select>
        </Field>
        {provider === "jira" ? (
          <JiraProjectFields
            key={connectionId}
            settings={settings?.provider === "jira" ? settings : null}
            options={options}
            transitions={transitions}
            errors={errors}
          />
        ) : (
          <GithubRepoFields
            key={connectionId}
            settings={settings?.provider === "github" ? settings : null}
            options={options}
            errors={errors}
          />
        )}
        {showSyncSwitches ? (
          <div className="space-y-2">
            <input type="hidden" name="reopenWhenStillFailingPresent" value="1" />
            <Checkbox name="reopenWhenStillFailing" defaultChecked={project?.reopenWhenStillFailing ?? true}>
              Reopen a ticket closed as done when the next report still shows the problem
            </Checkbox>
            <Checkbox name="commentsAsNotes" defaultChecked={project?.commentsAsNotes ?? false}>
              Copy comments on the ticket to its findings as notes
            </Checkbox>
          </div>
        ) : null}
        <div aria-live="polite" className="space-y-2">
          {optionsError ? <Alert tone="error">{optionsError}</Alert> : null}
          {formError ? <Alert tone="error">{formError}</Alert> : null}
          {state?.ok && !pending ? <Alert tone="success">Saved.</Alert> : null}
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={fetchOptions} disabled={loadingOptions || !connectionId}>
            {loadingOptions ? "Fetching…" : provider === "jira" ? "Fetch issue types and fields" : "Fetch milestones"}
          </Button>
          <SubmitButton pending={pending} pendingLabel="Saving…">
            Save ticket settings
          </SubmitButton>
        </div>
      </form>
      {project ? <TestTicketButton owner={owner} onTransitions={setTransitions} /> : null}
    </div>
  );
}
