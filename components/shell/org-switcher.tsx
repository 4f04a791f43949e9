"use client";

import { useRouter } from "next/navigation";

export function OrgSwitcher({ current, orgs }: { current: string; orgs: { slug: string; name: string }[] }) {
  const router = useRouter();
  return (
    <label className="block">
      <span className="sr-only">Organization</span>
      <select
        value={current}
        onChange={(e) => router.push(e.target.value === "__new" ? "/orgs/new" : `/o/${e.target.value}`)}
        className="h-9 w-full rounded-md border border-slate-700 bg-slate-800 px-2.5 text-sm font-medium text-white focus:border-brand-500 focus:outline-none"
        data-testid="org-switcher"
      >
        {orgs.map((o) => (
          <option key={o.slug} value={o.slug}>
            {o.name}
          </option>
        ))}
        <option value="__new">+ New organization…</option>
      </select>
    </label>
  );
}
