import { isRecord, WORKLOAD_KINDS } from "../pod-spec";
import type { TCheckContext, TCheckFailure, TContainerRef } from "../types";

export const ALL_WORKLOADS: readonly string[] = WORKLOAD_KINDS;

/** Jobs run to completion, so long-running concerns such as probes do not apply to them. */
export const LONG_RUNNING_WORKLOADS: readonly string[] = WORKLOAD_KINDS.filter(
  (kind) => kind !== "Job" && kind !== "CronJob",
);

export function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function containerSecurityContext(container: TContainerRef): Record<string, unknown> {
  return record(container.spec.securityContext);
}

export function podSecurityContext(ctx: TCheckContext): Record<string, unknown> {
  return record(ctx.podSpec?.securityContext);
}

/** Run `test` on each container (init containers too unless `appContainersOnly`) and collect failures. */
export function eachContainer(
  ctx: TCheckContext,
  test: (container: TContainerRef) => TCheckFailure | TCheckFailure[] | null,
  options: { appContainersOnly?: boolean } = {},
): TCheckFailure[] {
  const failures: TCheckFailure[] = [];
  for (const container of ctx.containers) {
    if (options.appContainersOnly && container.kind !== "container") continue;
    const result = test(container);
    if (result) failures.push(...(Array.isArray(result) ? result : [result]));
  }
  return failures;
}

/** A failure when a Pod-level boolean flag is set to true. */
export function podFlagFailure(ctx: TCheckContext, field: string, message: string): TCheckFailure[] {
  if (ctx.podSpec?.[field] !== true) return [];
  return [{ path: `${ctx.podSpecPath}.${field}`, message }];
}
