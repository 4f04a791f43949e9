"use client";

import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useCallback } from "react";

/**
 * Goes to `href` in place of the current page and reloads the server's data, for after a change of
 * who the user is or what they belong to (signed in, joined, left): cached pages would be stale.
 */
export function useReplaceRoute() {
  const router = useRouter();
  return useCallback(
    (href: string) => {
      router.replace(href as Route);
      router.refresh();
    },
    [router],
  );
}
