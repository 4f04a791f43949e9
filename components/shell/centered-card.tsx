import type { ReactNode } from "react";
import { Logo } from "./logo";

/** The frame of pages outside an organization: sign-in, sign-up, invitations, new organization. */
export function CenteredCard({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-slate-50 to-slate-100 px-4 py-12">
      <div className="mb-8">
        <Logo size="lg" />
      </div>
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">{children}</div>
      {footer ? <div className="mt-6 text-xs text-slate-500">{footer}</div> : null}
    </main>
  );
}
