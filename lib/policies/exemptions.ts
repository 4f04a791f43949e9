import { wildcardMatch } from "@/lib/domain/team-scope";
import { isRecord } from "./pod-spec";
import type { TKubeObject } from "./types";

export const EXEMPT_ANNOTATION = "bumpers.io/exempt";
export const EXEMPT_REASON_ANNOTATION = "bumpers.io/exempt-reason";

export type TExemptions = {
  /** Check ids the object asks to be exempted from. */
  checkIds: Set<string>;
  /** The stated reason; without one the request is refused, so exemptions stay reviewable. */
  reason: string | null;
};

/** Read the exemption annotations of an object's own metadata. */
export function readExemptions(object: TKubeObject): TExemptions {
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const annotations = isRecord(metadata.annotations) ? metadata.annotations : {};
  const raw = annotations[EXEMPT_ANNOTATION];
  const checkIds = new Set(
    typeof raw === "string"
      ? raw
          .split(",")
          .map((id) => id.trim())
          .filter((id) => id.length > 0)
      : [],
  );
  const reasonRaw = annotations[EXEMPT_REASON_ANNOTATION];
  const reason = typeof reasonRaw === "string" && reasonRaw.trim().length > 0 ? reasonRaw.trim() : null;
  return { checkIds, reason };
}

/** An exemption rule (Policies → Exemptions) as admission and `bumpers check` both apply it. */
export type TExemptionRule = {
  /** Check ids, or "*" for every check. */
  checkIds: readonly string[];
  /** `*` wildcards; a manifest in CI has no cluster, so only rules for every cluster reach it. */
  cluster?: string;
  namespace: string;
  kind: string;
  name: string;
  reason: string;
};

/** Why a rule takes the check off the object ("Exempted by policy: <reason>"), or null when none does. */
export function exemptionByRule(
  rules: readonly TExemptionRule[],
  checkId: string,
  object: { cluster?: string; namespace: string; kind: string; name: string },
): string | null {
  const rule = rules.find(
    (e) =>
      (e.checkIds.includes(checkId) || e.checkIds.includes("*")) &&
      wildcardMatch(e.cluster ?? "*", object.cluster ?? "") &&
      wildcardMatch(e.namespace, object.namespace) &&
      wildcardMatch(e.kind, object.kind) &&
      wildcardMatch(e.name, object.name),
  );
  return rule ? `Exempted by policy: ${rule.reason}` : null;
}
