import type { TNotification } from "@/lib/domain/notification-message";
import { dedupKeyOf, resolveBody, triggerBody, type TEventBody } from "./payload";
import type { TDesiredGroup, TExistingGroup, TExistingRoute, TRouteTarget } from "./types";

// Pure: what to write and send, given what should be open now (desired) and what is recorded
// (existing, for the same universe of groups). Per group, not per finding:
//   first firing (or again after a resolve) → trigger under a new epoch's dedup key;
//   open and its count, severity or details changed → trigger again, same dedup key (an update);
//   open and no longer desired → resolve, on the keys that got the trigger;
//   a destination (or its key) changed while open → resolve the old route, trigger the new one;
//   unchanged → nothing.
// Notification routes (subscriptions) get messages instead: opened or reopened with a firing,
// grew when more resources are affected, fixed with the resolve; a subscription that stops
// matching just stops (no "fixed" for what is not fixed).

export type TGroupWrite = {
  groupKey: string;
  desired: TDesiredGroup | null;
  epoch: number;
  dedupKey: string;
  status: "open" | "resolved";
  /** A group that reopens starts a new firing (opened_at) */
  reopened: boolean;
};

export type TRouteInsert = { groupKey: string; epoch: number; target: TRouteTarget };

export type TEventInsert = {
  groupKey: string;
  teamId: string | null;
  target: Omit<TRouteTarget, "destinationName"> & { destinationName: string };
  body: TEventBody;
};

export type TMessageInsert = {
  groupKey: string;
  teamId: string | null;
  target: TRouteTarget & { notify: NonNullable<TRouteTarget["notify"]> };
  message: TNotification;
};

export type TPlan = {
  groups: TGroupWrite[];
  routeResolves: string[];
  routeInserts: TRouteInsert[];
  events: TEventInsert[];
  messages: TMessageInsert[];
};

export type TTransition = "opened" | "reopened" | "grew" | "fixed";

/** What the planner needs to write messages (given by the engine, which knows the org). */
export type TMessaging = {
  /** The message for a transition, or null when the group's kind has no such message. */
  message: (group: TDesiredGroup | TExistingGroup, transition: TTransition, epoch: number) => TNotification | null;
  /** The current target of a recorded notification route (null: its subscription is gone). */
  currentTarget: (route: TExistingRoute) => TRouteTarget | null;
};

const routeId = (r: { destinationId: string; keyFingerprint: string }) => `${r.destinationId}/${r.keyFingerprint}`;

function detailsChanged(d: TDesiredGroup, e: TExistingGroup): boolean {
  return (
    d.affectedCount !== e.affectedCount ||
    d.pdSeverity !== e.pdSeverity ||
    JSON.stringify(d.facts.customDetails.sample ?? null) !== JSON.stringify(e.details.sample ?? null)
  );
}

export function planTransitions(
  desired: readonly TDesiredGroup[],
  existing: readonly TExistingGroup[],
  options: {
    clientUrl: string;
    now: Date;
    destinationNames: ReadonlyMap<string, string>;
    messaging?: TMessaging;
  },
): TPlan {
  const plan: TPlan = { groups: [], routeResolves: [], routeInserts: [], events: [], messages: [] };
  const notify = (
    group: TDesiredGroup | TExistingGroup,
    target: TRouteTarget,
    transition: TTransition,
    epoch: number,
  ) => {
    if (!target.notify || !options.messaging) return;
    const message = options.messaging.message(group, transition, epoch);
    if (!message || !target.notify.events.includes(message.type)) return;
    plan.messages.push({
      groupKey: group.groupKey,
      teamId: group.teamId,
      target: target as TMessageInsert["target"],
      message,
    });
  };
  const byKey = new Map(existing.map((e) => [e.groupKey, e]));
  const trigger = (d: TDesiredGroup, dedupKey: string, target: TRouteTarget) =>
    !target.notify &&
    plan.events.push({
      groupKey: d.groupKey,
      teamId: d.teamId,
      target,
      body: triggerBody(dedupKey, d.pdSeverity, d.facts, options.clientUrl, options.now),
    });
  const resolve = (groupKey: string, teamId: string | null, dedupKey: string, route: TExistingRoute) => {
    plan.routeResolves.push(route.id);
    if (route.keyFingerprint.startsWith("notify:")) return;
    plan.events.push({
      groupKey,
      teamId,
      target: { ...route, destinationName: options.destinationNames.get(route.destinationId) ?? "(deleted)" },
      body: resolveBody(dedupKey),
    });
  };

  for (const d of desired) {
    const e = byKey.get(d.groupKey);
    if (!e || e.status === "resolved") {
      const epoch = e ? e.epoch + 1 : 1;
      const dedupKey = dedupKeyOf(d.groupKey, epoch);
      plan.groups.push({ groupKey: d.groupKey, desired: d, epoch, dedupKey, status: "open", reopened: true });
      for (const target of d.routes) {
        plan.routeInserts.push({ groupKey: d.groupKey, epoch, target });
        trigger(d, dedupKey, target);
        notify(d, target, e ? "reopened" : "opened", epoch);
      }
      continue;
    }
    const open = new Map(e.routes.map((r) => [routeId(r), r]));
    const wanted = new Map(d.routes.map((r) => [routeId(r), r]));
    const changed = detailsChanged(d, e);
    for (const [id, route] of open) if (!wanted.has(id)) resolve(e.groupKey, e.teamId, e.dedupKey, route);
    for (const [id, target] of wanted) {
      if (!open.has(id)) {
        plan.routeInserts.push({ groupKey: d.groupKey, epoch: e.epoch, target });
        trigger(d, e.dedupKey, target);
        notify(d, target, "opened", e.epoch);
      } else if (changed) {
        trigger(d, e.dedupKey, target);
        if (d.affectedCount > e.affectedCount) notify(d, target, "grew", e.epoch);
      }
    }
    const routesChanged = [...open.keys()].some((k) => !wanted.has(k)) || [...wanted.keys()].some((k) => !open.has(k));
    if (changed || routesChanged || e.teamId !== d.teamId) {
      plan.groups.push({
        groupKey: d.groupKey,
        desired: d,
        epoch: e.epoch,
        dedupKey: e.dedupKey,
        status: "open",
        reopened: false,
      });
    }
  }

  const desiredKeys = new Set(desired.map((d) => d.groupKey));
  for (const e of existing) {
    if (e.status !== "open" || desiredKeys.has(e.groupKey)) continue;
    for (const route of e.routes) {
      resolve(e.groupKey, e.teamId, e.dedupKey, route);
      const target = route.keyFingerprint.startsWith("notify:") ? options.messaging?.currentTarget(route) : null;
      if (target) notify(e, target, "fixed", e.epoch);
    }
    plan.groups.push({
      groupKey: e.groupKey,
      desired: null,
      epoch: e.epoch,
      dedupKey: e.dedupKey,
      status: "resolved",
      reopened: false,
    });
  }
  return plan;
}
