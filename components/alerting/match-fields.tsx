"use client";

import { FINDING_CATEGORIES } from "@/lib/domain/categories";
import { SEVERITY_LEVELS } from "@/lib/domain/severity";
import { ALERT_GROUPINGS, GROUPING_LABELS, type TAlertGrouping, type TRuleMatch } from "@/lib/alerting/schemas";
import { Checkbox, Field, Input, Select } from "@/components/ui/field";

type TListName = "sources" | "checks" | "clusters" | "namespaces";

const severityOption = (s: (typeof SEVERITY_LEVELS)[number]) =>
  s === "none"
    ? "Any (none and above)"
    : s === "critical"
      ? "Critical"
      : `${s[0]!.toUpperCase()}${s.slice(1)} and above`;

/**
 * What a rule or a subscription matches (lib/alerting/ui-form.ts matchFromForm reads it back):
 * minimum severity, categories, source tools, checks, clusters and namespaces with * wildcards.
 * `show` narrows it to what the kind of alert has: a stale cluster only has clusters, a budget
 * only a severity.
 */
export function MatchFields({
  id,
  match,
  errors,
  show = "all",
}: {
  /** The id of each field, from its name (unique in the page). */
  id: (name: string) => string;
  match?: TRuleMatch;
  errors: Record<string, string[] | undefined>;
  show?: "all" | "severity" | "clusters";
}) {
  const listField = (name: TListName, label: string, hint: string) => (
    <Field id={id(name)} label={label} hint={hint} errors={errors[name]}>
      <Input
        id={id(name)}
        name={name}
        defaultValue={match?.[name].join(", ") ?? ""}
        className="font-mono"
        spellCheck={false}
        aria-invalid={Boolean(errors[name])}
      />
    </Field>
  );
  if (show === "clusters") {
    return listField(
      "clusters",
      "Clusters",
      "Cluster slugs, comma-separated, * wildcards (prod-*). Empty: every cluster.",
    );
  }
  return (
    <>
      <Field id={id("minSeverity")} label="Minimum severity" errors={errors.minSeverity} className="w-48">
        <Select id={id("minSeverity")} name="minSeverity" defaultValue={match?.minSeverity ?? "high"}>
          {SEVERITY_LEVELS.map((s) => (
            <option key={s} value={s}>
              {severityOption(s)}
            </option>
          ))}
        </Select>
      </Field>
      {show === "all" ? (
        <>
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">Categories</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {FINDING_CATEGORIES.map((c) => (
                <Checkbox
                  key={c}
                  name="categories"
                  value={c}
                  defaultChecked={match?.categories.includes(c) ?? false}
                  className="gap-1.5 capitalize"
                >
                  {c}
                </Checkbox>
              ))}
            </div>
            <p className="mt-1 text-xs text-slate-500">None ticked: every category.</p>
          </fieldset>
          <div className="grid gap-3 sm:grid-cols-2">
            {listField(
              "sources",
              "Source tools",
              "polaris, trivy, pluto, nova, goldilocks, kube-bench, admission. Empty: all.",
            )}
            {listField("checks", "Checks", "Check ids, * wildcards (runAsRootAllowed, CVE-*). Empty: all.")}
            {listField("clusters", "Clusters", "Cluster slugs, * wildcards (prod-*). Empty: all.")}
            {listField("namespaces", "Namespaces", "* wildcards (payments-*). Empty: all.")}
          </div>
        </>
      ) : null}
    </>
  );
}

/** How matching findings are grouped into one incident, feed entry or message. */
export function GroupingField({
  id,
  label,
  errors,
  grouping,
  className,
}: {
  id: string;
  label: string;
  errors?: string[];
  grouping?: TAlertGrouping;
  className?: string;
}) {
  return (
    <Field id={id} label={label} errors={errors} className={className}>
      <Select name="grouping" defaultValue={grouping ?? "check"}>
        {ALERT_GROUPINGS.map((g) => (
          <option key={g} value={g}>
            {GROUPING_LABELS[g].replace(/^By /, "")}
          </option>
        ))}
      </Select>
    </Field>
  );
}
