import type { TCertificateView } from "@/lib/sso/config/queries";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format";

const DAY_MS = 86_400_000;

/** Certificates by subject, fingerprint and end of validity; ending soon or ended is marked. */
export function CertificateList({
  title,
  certificates,
  now = new Date(),
}: {
  title: string;
  certificates: TCertificateView[];
  now?: Date;
}) {
  return (
    <div>
      <h3 className="text-sm font-medium text-slate-700">{title}</h3>
      <ul className="mt-1.5 divide-y divide-slate-100 rounded-md border border-slate-200">
        {certificates.map((c, i) => (
          <li key={i} className="px-3 py-2 text-xs">
            {c.ok ? (
              <>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-slate-800">{c.info.subject || "No subject"}</span>
                  <ValidityBadge notAfter={c.info.notAfter} now={now} />
                </div>
                <div className="mt-0.5 break-all font-mono text-slate-500">SHA-256 {c.info.fingerprint}</div>
              </>
            ) : (
              <span className="text-red-700">{c.reason}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ValidityBadge({ notAfter, now }: { notAfter: Date; now: Date }) {
  const days = (notAfter.getTime() - now.getTime()) / DAY_MS;
  if (days <= 0) return <Badge tone="red">Expired {formatDate(notAfter)}</Badge>;
  if (days < 30) return <Badge tone="amber">Expires {formatDate(notAfter)}</Badge>;
  return <Badge tone="neutral">Valid until {formatDate(notAfter)}</Badge>;
}
