import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-amber-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">You do not have permission to see this</h1>
      <p className="mt-2 max-w-md text-sm text-slate-500">
        Your role in this organization does not include this page. An org admin can change your role.
      </p>
      <Link href="/" className="mt-6 text-sm font-medium text-brand-600 hover:text-brand-700">
        Back to your dashboard
      </Link>
    </main>
  );
}
