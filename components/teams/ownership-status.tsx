"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";

// How often the page asks again while the worker moves findings to their new teams.
const REFRESH_MS = 3000;

/**
 * Resources change owner as soon as a scope is saved; their findings follow in the background
 * (there can be millions). While that runs the page says so and refreshes itself until done.
 */
export function OwnershipStatus({ pendingSince }: { pendingSince: string | null }) {
  const router = useRouter();
  useEffect(() => {
    if (!pendingSince) return;
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [pendingSince, router]);
  if (!pendingSince) return null;
  return (
    <Alert tone="info" className="flex items-center gap-2">
      <span
        aria-hidden
        className="inline-block size-3 shrink-0 animate-spin rounded-full border-2 border-sky-300 border-t-sky-700"
      />
      Moving findings to their new teams after the last scope change… Team pages show the new ownership when this
      message goes away.
    </Alert>
  );
}
