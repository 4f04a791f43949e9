import type { Route } from "next";
import Link from "next/link";

/** The body of a 404 or 403 page: what happened, why, and the way back. */
export function StatusPage({
  code,
  title,
  children,
  backHref = "/",
  backLabel = "Back to your dashboard",
}: {
  code: 403 | 404;
  title: string;
  children: React.ReactNode;
  backHref?: string;
  backLabel?: string;
}) {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center">
      <p className={code === 403 ? "text-sm font-semibold text-amber-600" : "text-sm font-semibold text-brand-600"}>
        {code}
      </p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">{title}</h1>
      <p className="mt-2 max-w-md text-sm text-slate-500">{children}</p>
      <Link href={backHref as Route} className="mt-6 text-sm font-medium text-brand-600 hover:text-brand-700">
        {backLabel}
      </Link>
    </div>
  );
}
