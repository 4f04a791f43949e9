"use client";

import { useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { previewTeamScopeAction, saveTeamScopeAction } from "@/app/(dashboard)/o/[org]/settings/teams/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TScopeRule } from "@/lib/domain/scope-rules";
import type { TScopePreview } from "@/lib/teams/scope-preview";
import { errorKey, errorsByRowId, moveRule, toDraftRules, toPayload, type TDraftRule } from "./scope-draft";
import { ScopePreviewPanel } from "./scope-preview-panel";
import { ScopeRuleRow, type TRuleRowActions } from "./scope-rule-row";

const PREVIEW_DELAY_MS = 350;

/** Ordered scope rules with a live preview of what the team would own; saved in one go. */
export function ScopeEditor({
  orgSlug,
  teamSlug,
  initialRules,
}: {
  orgSlug: string;
  teamSlug: string;
  initialRules: TScopeRule[];
}) {
  const router = useRouter();
  const idPrefix = useId();
  const [rules, setRules] = useState<TDraftRule[]>(() => toDraftRules(initialRules));
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(toPayload(toDraftRules(initialRules))));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [saving, startSaving] = useTransition();
  const [preview, setPreview] = useState<TScopePreview | null>(null);
  const [previewPending, setPreviewPending] = useState(true);
  const [previewInvalid, setPreviewInvalid] = useState(false);
  const [previewFailed, setPreviewFailed] = useState<string | null>(null);
  // Bumped after a save: the preview compares with the saved scope, which just changed.
  const [savedVersion, setSavedVersion] = useState(0);
  const nextId = useRef(0);
  const previewSeq = useRef(0);
  const focusAfterRender = useRef<string | null>(null);

  const payload = useMemo(() => toPayload(rules), [rules]);
  const payloadJson = useMemo(() => JSON.stringify(payload), [payload]);
  const dirty = payloadJson !== savedJson;

  // Debounced preview of the draft; a response older than the latest request is dropped.
  useEffect(() => {
    const seq = ++previewSeq.current;
    const sent = rules;
    const timer = setTimeout(() => {
      setPreviewPending(true);
      previewTeamScopeAction({ org: orgSlug, team: teamSlug, rules: JSON.parse(payloadJson) })
        .then((result) => {
          if (seq !== previewSeq.current) return;
          setPreviewFailed(null);
          if (result.ok) {
            setPreview(result.data);
            setPreviewInvalid(false);
            setErrors({});
          } else if (result.error.code === "bad_request") {
            setPreviewInvalid(true);
            setErrors(errorsByRowId(sent, result.error.fieldErrors));
          } else setPreviewFailed(result.error.message);
        })
        .catch(() => {
          if (seq === previewSeq.current) setPreviewFailed("The preview could not be loaded. Try again in a moment.");
        })
        .finally(() => {
          if (seq === previewSeq.current) setPreviewPending(false);
        });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
    // `rules` only labels the errors of this payload; the payload decides when to refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [payloadJson, savedVersion, orgSlug, teamSlug]);

  useEffect(() => {
    if (!focusAfterRender.current) return;
    document.getElementById(focusAfterRender.current)?.focus();
    focusAfterRender.current = null;
  });

  const newId = (kind: string) => `${kind}-new-${nextId.current++}`;
  const elementId = (ruleId: string, field: string) => `${idPrefix}-${ruleId}-${field}`;

  const update = (ruleId: string, fn: (rule: TDraftRule) => TDraftRule) => {
    setMessage(null);
    setRules((current) => current.map((r) => (r.id === ruleId ? fn(r) : r)));
  };

  const clearError = (key: string) =>
    setErrors((current) => {
      if (!(key in current)) return current;
      const next = { ...current };
      delete next[key];
      return next;
    });

  const actionsFor = (rule: TDraftRule, index: number): TRuleRowActions => ({
    change: (patch) => {
      for (const field of Object.keys(patch)) clearError(errorKey(rule.id, field));
      update(rule.id, (r) => ({ ...r, ...patch }));
    },
    changeLabel: (labelId, patch) => {
      for (const field of Object.keys(patch)) clearError(errorKey(rule.id, field, labelId));
      update(rule.id, (r) => ({ ...r, labels: r.labels.map((l) => (l.id === labelId ? { ...l, ...patch } : l)) }));
    },
    addLabel: () => {
      const id = newId("label");
      focusAfterRender.current = `${idPrefix}-${rule.id}-${id}-key`;
      update(rule.id, (r) => ({ ...r, labels: [...r.labels, { id, key: "", value: "" }] }));
    },
    removeLabel: (labelId) => {
      focusAfterRender.current = elementId(rule.id, "add-label");
      update(rule.id, (r) => ({ ...r, labels: r.labels.filter((l) => l.id !== labelId) }));
    },
    move: (by) => {
      const target = index + by;
      // Keep focus on the button that was pressed, or on its twin once the row reaches an end.
      const atEnd = target === 0 || target === rules.length - 1;
      focusAfterRender.current = elementId(rule.id, atEnd ? (by < 0 ? "down" : "up") : by < 0 ? "up" : "down");
      setMessage(null);
      setRules((current) => moveRule(current, index, by));
    },
    remove: () => {
      const neighbour = rules[index + 1] ?? rules[index - 1];
      focusAfterRender.current = neighbour ? elementId(neighbour.id, "effect") : `${idPrefix}-add-rule`;
      setMessage(null);
      setRules((current) => current.filter((r) => r.id !== rule.id));
    },
  });

  const addRule = () => {
    const id = newId("rule");
    focusAfterRender.current = elementId(id, "namespace");
    setMessage(null);
    setRules((current) => [
      ...current,
      { id, effect: "include", cluster: "", namespace: "", kind: "", name: "", labels: [] },
    ]);
  };

  const save = () => {
    const sent = rules;
    const sentJson = payloadJson;
    startSaving(async () => {
      const result = await saveTeamScopeAction({ org: orgSlug, team: teamSlug, rules: JSON.parse(sentJson) });
      if (result.ok) {
        setSavedJson(sentJson);
        setSavedVersion((v) => v + 1);
        setErrors({});
        const moved = result.data.reassigned;
        setMessage({
          tone: "success",
          text: `Scope saved. ${moved ? `${moved.toLocaleString("en-US")} resource${moved === 1 ? "" : "s"} changed owner.` : "No resource changed owner."}`,
        });
        router.refresh();
      } else {
        setErrors(errorsByRowId(sent, result.error.fieldErrors));
        setMessage({ tone: "error", text: result.error.message });
      }
    });
  };

  const discard = () => {
    setRules(toDraftRules(JSON.parse(savedJson)));
    setErrors({});
    setMessage(null);
  };

  return (
    <div className="grid gap-6 xl:grid-cols-5">
      <div className="space-y-3 xl:col-span-3">
        {rules.length === 0 ? (
          <div className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-center">
            <p className="text-sm font-medium text-slate-900">This team owns nothing yet: add a scope rule.</p>
            <p className="mt-1 text-sm text-slate-500">
              For example, include namespace <code className="font-mono">payments-*</code> on every cluster.
            </p>
          </div>
        ) : (
          <ol className="space-y-3" aria-label="Scope rules, first match wins">
            {rules.map((rule, index) => (
              <li key={rule.id}>
                <ScopeRuleRow
                  idPrefix={idPrefix}
                  rule={rule}
                  index={index}
                  count={rules.length}
                  errors={errors}
                  actions={actionsFor(rule, index)}
                />
              </li>
            ))}
          </ol>
        )}
        {errors._ ? <Alert tone="error">{errors._.join(" ")}</Alert> : null}
        <Button id={`${idPrefix}-add-rule`} variant="secondary" onClick={addRule} disabled={rules.length >= 100}>
          Add rule
        </Button>
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
          <Button onClick={save} disabled={!dirty || saving} aria-busy={saving}>
            {saving ? "Saving…" : "Save scope"}
          </Button>
          <Button variant="secondary" onClick={discard} disabled={!dirty || saving}>
            Discard changes
          </Button>
          {dirty && !message ? <span className="text-sm text-amber-700">Unsaved changes</span> : null}
        </div>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      </div>
      <div className="xl:col-span-2">
        <div className="xl:sticky xl:top-6 xl:max-h-[calc(100vh-3rem)] xl:overflow-y-auto">
          <ScopePreviewPanel
            preview={preview}
            pending={previewPending}
            invalid={previewInvalid}
            failed={previewFailed}
            hasRules={rules.length > 0}
          />
        </div>
      </div>
    </div>
  );
}
