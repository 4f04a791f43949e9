"use client";

import { useState, useTransition, type ChangeEvent } from "react";
import { importRulesAction } from "@/lib/automation/actions";
import type { TRulesDiff, TYamlIssue } from "@/lib/automation/rules/yaml";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";

/**
 * Export (a download of every list as YAML) and import: paste or upload a file, see what it would
 * add, change, remove or reorder (or every problem with its line), then apply it.
 */
export function YamlPanel({ orgSlug }: { orgSlug: string }) {
  const [text, setText] = useState("");
  const [diff, setDiff] = useState<TRulesDiff | null>(null);
  const [issues, setIssues] = useState<TYamlIssue[]>([]);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, start] = useTransition();

  const run = (apply: boolean) =>
    start(async () => {
      setMessage(null);
      const result = await importRulesAction({ org: orgSlug, yaml: text, apply });
      if (!result.ok) {
        setMessage({ tone: "error", text: result.error.fieldErrors?.yaml?.[0] ?? result.error.message });
        return;
      }
      setIssues(result.data.issues);
      setDiff(result.data.diff);
      if (result.data.applied) {
        setMessage({ tone: "success", text: "Imported: the rule lists now match the file." });
        setDiff(null);
        setText("");
      } else if (result.data.diff?.unchanged)
        setMessage({ tone: "success", text: "No changes: the lists already match the file." });
    });

  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setText(await file.text());
    setDiff(null);
    setIssues([]);
  };

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Keep rules in git: the file lists the org&apos;s rules and each team&apos;s, with team slugs, emails and
        connection names instead of ids.{" "}
        <a
          href={`/api/v1/automation/export?org=${encodeURIComponent(orgSlug)}`}
          className="font-medium text-brand-600 hover:text-brand-700"
          download
        >
          Export rules (YAML)
        </a>
      </p>
      <Field
        id="rules-yaml"
        label="Import a rules file"
        hint="Paste it here or choose a file; you see the changes before anything is written."
      >
        <Textarea
          rows={8}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setDiff(null);
          }}
          className="font-mono text-xs"
          spellCheck={false}
          placeholder={"apiVersion: bumpers/v1\nkind: AutomationRules\nrules:\n  - name: …"}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <label className="text-sm text-slate-700">
          <span className="sr-only">Choose a YAML file</span>
          <input type="file" accept=".yaml,.yml,text/yaml" onChange={upload} className="text-sm" />
        </label>
        <Button variant="secondary" onClick={() => run(false)} disabled={pending || !text.trim()}>
          Show changes
        </Button>
        {diff && !diff.unchanged ? (
          <Button onClick={() => run(true)} disabled={pending}>
            Apply import
          </Button>
        ) : null}
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {issues.length ? (
        <Alert tone="error">
          <p className="font-medium">
            The file has {issues.length} problem{issues.length > 1 ? "s" : ""}; nothing was changed.
          </p>
          <ul className="mt-1 list-disc pl-5">
            {issues.map((i, n) => (
              <li key={n}>
                {i.line ? `Line ${i.line}` : "File"}
                {i.path ? ` (${i.path})` : ""}: {i.message}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {diff && !diff.unchanged ? <DiffView diff={diff} /> : null}
    </div>
  );
}

function DiffView({ diff }: { diff: TRulesDiff }) {
  const { counts } = diff;
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3 text-sm" aria-live="polite">
      <p className="font-medium text-slate-900">
        {counts.added} added, {counts.changed} changed, {counts.removed} removed
        {counts.reordered ? `, ${counts.reordered} list${counts.reordered > 1 ? "s" : ""} reordered` : ""}
      </p>
      {diff.lists.map((l) => (
        <div key={l.team ?? ""}>
          <p className="font-medium text-slate-700">{l.team ? `Team ${l.team}` : "Organization rules"}</p>
          <ul className="ml-5 list-disc text-slate-600">
            {l.added.map((n) => (
              <li key={`a-${n}`} className="text-emerald-700">
                + {n}
              </li>
            ))}
            {l.changed.map((c) => (
              <li key={`c-${c.name}`} className="text-amber-800">
                ~ {c.name} ({c.fields.join(", ")})
              </li>
            ))}
            {l.removed.map((n) => (
              <li key={`r-${n}`} className="text-red-700">
                − {n}
              </li>
            ))}
            {l.reordered ? <li>order changed</li> : null}
          </ul>
        </div>
      ))}
    </div>
  );
}
