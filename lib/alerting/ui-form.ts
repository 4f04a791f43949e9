import type { TRuleInput } from "./schemas";

// How the Alerting forms turn FormData into the verbs' inputs. Pure, so the client form and the
// server action read a form the same way (the client checks the baseline guard on the same draft).

/** "prod-*, staging\nkube-system" → ["prod-*", "staging", "kube-system"]. */
export function splitList(value: FormDataEntryValue | null | undefined): string[] {
  if (typeof value !== "string") return [];
  return value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** The destination choice of the rule form: a specific one, the team's own (else a fallback), or no page. */
export type TDestinationMode = "specific" | "team" | "none";

/** The match fields (severity, categories, sources, checks, clusters, namespaces), shared by rules and subscriptions. */
export function matchFromForm(form: FormData): NonNullable<TRuleInput["match"]> {
  return {
    minSeverity: (text(form, "minSeverity") || "low") as NonNullable<TRuleInput["match"]>["minSeverity"],
    categories: form.getAll("categories").filter((v): v is string => typeof v === "string") as never,
    sources: splitList(form.get("sources")),
    checks: splitList(form.get("checks")),
    clusters: splitList(form.get("clusters")),
    namespaces: splitList(form.get("namespaces")),
  };
}

/** A rule as the rule form submits it. Validation is left to ZRuleInput. */
export function ruleInputFromForm(form: FormData): TRuleInput {
  const mode = text(form, "destinationMode") as TDestinationMode;
  return {
    kind: text(form, "kind") as TRuleInput["kind"],
    name: text(form, "name"),
    match: matchFromForm(form),
    noPage: mode === "none",
    useTeamDestination: mode === "team",
    destinationId: mode === "none" ? null : text(form, "destinationId") || null,
    pdSeverity: (text(form, "pdSeverity") || "error") as TRuleInput["pdSeverity"],
    grouping: (text(form, "grouping") || "check") as TRuleInput["grouping"],
    continueMatching: form.get("continueMatching") === "on",
  };
}

/**
 * Zod paths name list items ("match.checks.2"); the form shows one message per field, so errors
 * are keyed by the field's name ("checks").
 */
export function ruleFieldKey(path: string): string {
  const parts = path.split(".");
  if (parts[0] === "match" && parts[1]) return parts[1];
  return parts[0] ?? path;
}

export function ruleFieldErrors(fieldErrors: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    const key = ruleFieldKey(path);
    out[key] = [...new Set([...(out[key] ?? []), ...messages])];
  }
  return out;
}
