"use client";

import type { Route } from "next";
import Link from "next/link";
import { useState } from "react";
import { signOut } from "next-auth/react";
import { signOutEverywhereAction } from "@/lib/auth/actions";
import { SessionKeepAlive } from "@/components/auth/session-keep-alive";

export function UserMenu({
  name,
  email,
  role,
  notificationsHref,
}: {
  name: string;
  email: string;
  role: string;
  /** The caller's own notifications in the current organization. */
  notificationsHref: string;
}) {
  const [pending, setPending] = useState(false);
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <div>
      <SessionKeepAlive />
      <div className="flex items-center gap-2.5">
        <span
          className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white"
          aria-hidden
        >
          {initials}
        </span>
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium text-white" title={email}>
            {name}
          </p>
          <p className="truncate text-xs text-slate-400">{role}</p>
        </div>
        <button
          type="button"
          onClick={() => void signOut({ callbackUrl: "/login" })}
          className="rounded-md px-2 py-1 text-xs text-slate-400 hover:bg-slate-800 hover:text-white"
        >
          Sign out
        </button>
      </div>
      <Link
        href={notificationsHref as Route}
        className="mt-2 block rounded-md px-2 py-1 text-xs text-slate-400 hover:bg-slate-800 hover:text-white"
      >
        My notifications
      </Link>
      {/* Ends the sessions of every browser this account is signed in on, this one included. */}
      <button
        type="button"
        disabled={pending}
        aria-busy={pending}
        onClick={() => {
          setPending(true);
          void signOutEverywhereAction({})
            .then(() => signOut({ callbackUrl: "/login" }))
            .finally(() => setPending(false));
        }}
        className="w-full rounded-md px-2 py-1 text-left text-xs text-slate-500 hover:bg-slate-800 hover:text-white"
      >
        {pending ? "Signing out everywhere…" : "Sign out everywhere"}
      </button>
    </div>
  );
}
