import type { TPackageVersion } from "@/lib/vulnerabilities/queries";

/** "openssl 1.1.1n → 1.1.1t" per package; "no fix yet" when none is published. */
export function PackageVersions({ packages, max = 2 }: { packages: TPackageVersion[]; max?: number }) {
  if (packages.length === 0) return <span className="text-xs text-slate-400">–</span>;
  return (
    <ul className="space-y-0.5 text-xs">
      {packages.slice(0, max).map((p) => (
        <li key={`${p.name}/${p.installed}/${p.fixed}`} className="break-words">
          <span className="font-medium text-slate-700">{p.name || "package"}</span>{" "}
          <span className="font-mono text-slate-600">{p.installed}</span>
          {p.fixed ? (
            <>
              {" "}
              <span aria-hidden>→</span>
              <span className="sr-only">fixed in</span> <span className="font-mono text-emerald-700">{p.fixed}</span>
            </>
          ) : (
            <span className="text-slate-400"> · no fix yet</span>
          )}
        </li>
      ))}
      {packages.length > max ? <li className="text-slate-500">and {packages.length - max} more</li> : null}
    </ul>
  );
}
