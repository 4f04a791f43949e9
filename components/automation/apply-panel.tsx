"use client";

import { useEffect, useState, useTransition } from "react";
import {
  applyJobStatusAction,
  applyRuleAction,
  cancelApplyJobAction,
  previewRuleAction,
} from "@/lib/automation/actions";
import type { TPreview } from "@/lib/automation/engine/preview";
import type { TApplyJob } from "@/lib/automation/rules/apply-rule";
import type { TAutomationRuleInput } from "@/lib/automation/schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { previewSummary } from "./preview-text";

const RUNNING = new Set(["queued", "running"]);
const STATUS_TEXT: Record<TApplyJob["status"], string> = {
  queued: "Queued",
  running: "Running",
  done: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
};

/**
 * "Apply to existing findings": first the preview's numbers, then (once confirmed) a background
 * job whose progress is polled every second until it ends; it can be cancelled while it runs.
 */
export function ApplyPanel({
  orgSlug,
  teamSlug,
  ruleId,
  rule,
  initialJob,
}: {
  orgSlug: string;
  teamSlug: string;
  ruleId: string;
  rule: TAutomationRuleInput;
  initialJob: TApplyJob | null;
}) {
  const [preview, setPreview] = useState<TPreview | null>(null);
  const [job, setJob] = useState<TApplyJob | null>(initialJob);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const ref = { org: orgSlug, team: teamSlug };
  const running = job !== null && RUNNING.has(job.status);

  useEffect(() => {
    if (!running || !job) return;
    const timer = setInterval(async () => {
      const result = await applyJobStatusAction({ ...ref, jobId: job.id });
      if (result.ok) setJob(result.data);
      else setError(result.error.message);
    }, 1000);
    return () => clearInterval(timer);
    // Polls while this job runs; a new job (or its end) restarts or stops the timer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running, job?.id]);

  const ask = () =>
    start(async () => {
      setError(null);
      const result = await previewRuleAction({ ...ref, ruleId, rule });
      if (result.ok) setPreview(result.data);
      else setError(result.error.message);
    });
  const apply = () =>
    start(async () => {
      const result = await applyRuleAction({ ...ref, ruleId });
      if (result.ok) {
        setJob(result.data);
        setPreview(null);
      } else setError(result.error.message);
    });
  const cancel = () =>
    start(async () => {
      if (!job) return;
      const result = await cancelApplyJobAction({ ...ref, jobId: job.id });
      if (result.ok) setJob(result.data);
      else setError(result.error.message);
    });

  const percent = job && job.total > 0 ? Math.min(100, Math.round((job.processed / job.total) * 100)) : 0;
  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {job ? (
        <div className="space-y-2" aria-live="polite">
          <p className="text-sm text-slate-700">
            <span className="font-medium">{STATUS_TEXT[job.status]}</span>: {job.processed.toLocaleString("en-US")} of{" "}
            {job.total.toLocaleString("en-US")} findings looked at, {job.changed.toLocaleString("en-US")} changed
            {job.error ? ` — ${job.error}` : ""}.
          </p>
          <div
            role="progressbar"
            aria-label="Apply progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-2 w-full overflow-hidden rounded-full bg-slate-100"
          >
            <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
          </div>
          {running ? (
            <Button variant="secondary" size="sm" onClick={cancel} disabled={pending}>
              Cancel
            </Button>
          ) : null}
        </div>
      ) : null}
      {preview ? (
        <div className="space-y-2 rounded-md border border-slate-200 p-3">
          <p className="text-sm text-slate-800">{previewSummary(preview)}</p>
          <div className="flex gap-2">
            <Button onClick={apply} disabled={pending}>
              Apply now
            </Button>
            <Button variant="secondary" onClick={() => setPreview(null)} disabled={pending}>
              Not now
            </Button>
          </div>
        </div>
      ) : !running ? (
        <Button variant="secondary" onClick={ask} disabled={pending}>
          {pending ? "Working…" : "Apply to existing findings"}
        </Button>
      ) : null}
    </div>
  );
}
