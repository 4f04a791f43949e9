import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { appBaseUrl } from "../engine/context";
import { CLIENT, type TEventBody } from "../engine/payload";
import { isUuid } from "../parse-input";
import { sendEvent, type TSendOutcome } from "../pagerduty/send-event";
import { openRoutingKey } from "./routing-key";

export type TTestEventStep = {
  action: "trigger" | "resolve";
  ok: boolean;
  /** HTTP status, null when PagerDuty did not answer. */
  status: number | null;
  /** PagerDuty's answer as is: { status, message, dedup_key } or { status, message, errors }. */
  response: Record<string, unknown> | null;
  error: string | null;
};

export type TTestEventResult = { ok: boolean; dedupKey: string; steps: TTestEventStep[] };

const stepOf = (action: TTestEventStep["action"], outcome: TSendOutcome): TTestEventStep => ({
  action,
  ok: outcome.kind === "accepted",
  status: outcome.status,
  response: outcome.response,
  error: outcome.kind === "accepted" ? null : outcome.error,
});

/**
 * Sends a real trigger and then its resolve to the destination (org admins), right away rather
 * than through the outbox, and returns PagerDuty's answers. Both land in the delivery log; a
 * refusal is also kept on the destination like any failed delivery.
 */
export async function sendTestEvent(
  orgId: string,
  actor: TAuditEntry["actor"],
  destinationId: string,
): Promise<TTestEventResult> {
  if (!isUuid(destinationId)) throw notFound("Destination not found.");
  const destination = await db.alertDestination.findFirst({ where: { id: destinationId, orgId } });
  if (!destination) throw notFound("Destination not found.");
  const routingKey = openRoutingKey(destination.id, destination.routingKeyCiphertext);
  const dedupKey = `bumpers-test-${randomBytes(8).toString("hex")}`;
  const trigger: TEventBody = {
    event_action: "trigger",
    dedup_key: dedupKey,
    payload: {
      summary: `Test event from Bumpers for "${destination.name}" (resolves by itself)`,
      source: "bumpers",
      severity: "info",
      timestamp: new Date().toISOString(),
      component: "alerting",
      group: "test",
      class: "test",
      custom_details: { sent_by: actor.label },
    },
    links: [{ href: `${appBaseUrl()}/`, text: "Bumpers" }],
    client: CLIENT,
    client_url: appBaseUrl(),
  };
  const resolve: TEventBody = { event_action: "resolve", dedup_key: dedupKey };
  const steps: TTestEventStep[] = [stepOf("trigger", await sendEvent(routingKey, trigger))];
  if (steps[0]!.ok) steps.push(stepOf("resolve", await sendEvent(routingKey, resolve)));
  const failed = steps.find((s) => !s.ok);
  await db.$transaction(async (tx) => {
    for (const [i, step] of steps.entries()) {
      await tx.alertEvent.create({
        data: {
          orgId,
          teamId: null,
          destinationId: destination.id,
          destinationName: destination.name,
          routingKeyCiphertext: destination.routingKeyCiphertext,
          keyFingerprint: destination.keyFingerprint,
          action: step.action,
          dedupKey,
          payload: (i === 0 ? trigger : resolve) as object,
          status: step.ok ? "delivered" : "failed",
          attempts: 1,
          lastAttemptAt: new Date(),
          responseStatus: step.status,
          response: (step.response ?? undefined) as object | undefined,
          error: step.error,
          deliveredAt: step.ok ? new Date() : null,
        },
      });
    }
    await tx.alertDestination.update({
      where: { id: destination.id },
      data: failed
        ? { lastErrorAt: new Date(), lastError: (failed.response ?? { message: failed.error }) as object }
        : { lastDeliveredAt: new Date() },
    });
    await recordAudit(tx, {
      orgId,
      actor,
      action: "alert_destination.tested",
      target: { type: "alert_destination", id: destination.id, label: destination.name },
      after: { ok: !failed, status: failed?.status ?? steps[steps.length - 1]!.status },
    });
  });
  return { ok: !failed, dedupKey, steps };
}
