"use client";

import { useActionState, useMemo, useState } from "react";
import { saveTeamRepositoriesAction } from "@/lib/teams/actions";
import {
  MAX_REPOSITORY_PATTERNS,
  parsePatternLines,
  previewRepositoryOwners,
  type TRepositoryTeam,
} from "@/lib/teams/repository-patterns";
import { Alert } from "@/components/ui/alert";
import { Field, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { HiddenFields } from "@/components/ui/hidden-fields";

const repositoriesCount = (n: number) => `${n} ${n === 1 ? "repository" : "repositories"}`;

/**
 * A team's repository patterns, one per line, with what they would own among the repositories CI
 * has already reported: each repository goes to the first team by priority whose pattern matches.
 */
export function TeamRepositoriesForm({
  orgSlug,
  team,
  teams,
  repositories,
}: {
  orgSlug: string;
  team: { id: string; slug: string; patterns: string[] };
  teams: TRepositoryTeam[];
  /** Repositories with CI results in the org. */
  repositories: string[];
}) {
  const [state, action] = useActionState(saveTeamRepositoriesAction, null);
  const [text, setText] = useState(team.patterns.join("\n"));
  const errors = state && !state.ok ? state.error.fieldErrors?.patterns : undefined;
  const draft = useMemo(() => parsePatternLines(text), [text]);
  const preview = useMemo(
    () => previewRepositoryOwners(teams, team.id, draft.patterns, repositories),
    [teams, team.id, draft.patterns, repositories],
  );
  // What the saved patterns give today, to show which repositories a change would move.
  const saved = useMemo(
    () =>
      new Map(
        previewRepositoryOwners(teams, team.id, team.patterns, repositories).map((p) => [p.repository, p.ownerId]),
      ),
    [teams, team.id, team.patterns, repositories],
  );
  const owned = preview.filter((p) => p.ownerId === team.id);
  const shadowed = preview.filter((p) => p.matchesDraft && p.ownerId !== team.id);
  const lost = preview.filter((p) => !p.matchesDraft && saved.get(p.repository) === team.id);
  const nameOf = new Map(teams.map((t) => [t.id, t.name]));

  return (
    <form action={action} className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="space-y-4">
        <HiddenFields values={{ org: orgSlug, team: team.slug }} />
        {state?.ok ? (
          <Alert tone="success">
            Saved.
            {state.data.reassigned
              ? ` ${repositoriesCount(state.data.reassigned)} changed owner; their CI findings moved with them.`
              : ""}
          </Alert>
        ) : null}
        {state && !state.ok && !errors ? <Alert tone="error">{state.error.message}</Alert> : null}
        <Field
          id="repository-patterns"
          label="Repository patterns"
          hint={`One per line, at most ${MAX_REPOSITORY_PATTERNS}. * matches any characters, e.g. acme/payments-* or gitlab.example.com/payments/*.`}
        >
          <Textarea
            id="repository-patterns"
            name="patterns"
            rows={Math.min(Math.max(text.split("\n").length + 1, 4), 12)}
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            placeholder={"acme/payments-*\nacme/ledger"}
            className="font-mono"
            aria-invalid={Boolean(errors)}
            aria-describedby={errors ? "repository-patterns-error" : undefined}
          />
        </Field>
        {errors ? (
          // One line per invalid pattern: a joined sentence would hide which lines to fix.
          <ul id="repository-patterns-error" role="alert" className="-mt-2 space-y-0.5 text-xs text-red-600">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ) : null}
        <SubmitButton pendingLabel="Saving…">Save repositories</SubmitButton>
      </div>
      <aside aria-label="Repositories these patterns match" className="space-y-3 text-sm">
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Scanned repositories</h3>
        {repositories.length === 0 ? (
          <p className="text-slate-500">
            None yet. Once <code className="font-mono text-xs">bumpers check --server</code> reports from CI, the
            repositories it names are listed here with the team that owns them.
          </p>
        ) : (
          <>
            <p className="text-slate-600">
              With these patterns the team owns {repositoriesCount(owned.length)} of the {repositories.length} with CI
              results.
            </p>
            {owned.length ? (
              <ul className="space-y-1">
                {owned.map((p) => {
                  const before = saved.get(p.repository) ?? null;
                  return (
                    <li key={p.repository} className="truncate text-xs" title={p.repository}>
                      <span className="font-mono text-slate-800">{p.repository}</span>
                      {before !== team.id ? (
                        <span className="text-emerald-700">
                          {" "}
                          (from {before ? (nameOf.get(before) ?? "another team") : "unassigned"})
                        </span>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            ) : null}
            {lost.length ? (
              <div>
                <p className="text-xs text-slate-500">No longer this team&apos;s once saved:</p>
                <ul className="mt-1 space-y-1">
                  {lost.map((p) => (
                    <li key={p.repository} className="truncate text-xs text-slate-600" title={p.repository}>
                      <span className="font-mono">{p.repository}</span> →{" "}
                      {p.ownerId ? (nameOf.get(p.ownerId) ?? "another team") : "unassigned"}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {shadowed.length ? (
              <div>
                <p className="text-xs text-slate-500">Matched, but a team earlier by priority owns them:</p>
                <ul className="mt-1 space-y-1">
                  {shadowed.map((p) => (
                    <li key={p.repository} className="truncate text-xs text-slate-600" title={p.repository}>
                      <span className="font-mono">{p.repository}</span> →{" "}
                      {nameOf.get(p.ownerId ?? "") ?? "another team"}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </>
        )}
      </aside>
    </form>
  );
}
