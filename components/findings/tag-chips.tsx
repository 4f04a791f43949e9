import type { TFindingRule } from "@/lib/findings/finding-rules";
import { cn } from "@/components/ui/cn";

/** Tags as small chips; on a finding's page each says which rule added it. */
export function TagChips({
  tags,
  max,
  rules,
  className,
}: {
  tags: readonly string[];
  /** Show at most this many, then "+N". */
  max?: number;
  rules?: Record<string, TFindingRule>;
  className?: string;
}) {
  if (!tags.length) return null;
  const shown = max === undefined ? tags : tags.slice(0, max);
  const more = tags.length - shown.length;
  return (
    <ul className={cn("flex flex-wrap items-center gap-1", className)} aria-label="Tags" data-testid="tag-chips">
      {shown.map((tag) => (
        <li
          key={tag}
          className="max-w-40 truncate rounded bg-violet-50 px-1.5 py-px font-mono text-[11px] leading-4 text-violet-700 ring-1 ring-violet-200 ring-inset"
          title={rules?.[tag] ? `${tag}: added by rule "${rules[tag].name}"` : tag}
        >
          {tag}
        </li>
      ))}
      {more > 0 ? (
        <li className="text-[11px] text-slate-500" title={tags.slice(shown.length).join(", ")}>
          +{more}
        </li>
      ) : null}
    </ul>
  );
}
