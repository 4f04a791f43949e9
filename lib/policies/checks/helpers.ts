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

/** The string items of a list field; a field that is not a list, and items that are not strings, count as absent. */
export function stringItems(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** Capability names as Kubernetes spells them: upper case, without the kernel's `CAP_` prefix. */
export function normalizeCapability(value: unknown): string {
  return String(value).toUpperCase().replace(/^CAP_/, "");
}

/** The metadata of the Pod template: the object's own metadata for a bare Pod. */
export function podTemplateMetadata(ctx: TCheckContext): Record<string, unknown> {
  if (!ctx.podSpecPath) return {};
  let current: unknown = ctx.object;
  for (const key of ctx.podSpecPath.split(".").slice(0, -1)) current = record(current)[key];
  return record(record(current).metadata);
}

export function objectName(ctx: TCheckContext): string {
  const name = record(ctx.object.metadata).name;
  return typeof name === "string" ? name : "";
}

/** JSON path of a map entry, bracketed when the key is not a plain identifier (`data["app.properties"]`). */
export function entryPath(base: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
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
