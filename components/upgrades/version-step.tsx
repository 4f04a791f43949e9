/** "3.3.1 → 4.0.1", or the installed version alone when the latest is the same or unknown. */
export function VersionStep({ from, to }: { from: string; to: string }) {
  return (
    <p className="font-mono text-xs">
      <span className="text-slate-700">{from || "?"}</span>
      {to && to !== from ? (
        <>
          {" "}
          <span aria-hidden>→</span>
          <span className="sr-only">latest</span> <span className="font-semibold text-emerald-700">{to}</span>
        </>
      ) : null}
    </p>
  );
}
