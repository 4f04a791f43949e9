import type { ReactNode } from "react";

/** The heading of one cluster's rows inside a card, with facts about it (version, counts). */
export function ClusterBar({ name, children }: { name: string; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-y border-slate-100 bg-slate-50 px-5 py-2.5">
      <h3 className="text-sm font-semibold text-slate-900">{name}</h3>
      {children}
    </div>
  );
}
