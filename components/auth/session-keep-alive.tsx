"use client";

import { useEffect } from "react";

// Sessions expire after BUMPERS_SESSION_IDLE_HOURS without a visit. Reading /api/auth/session
// makes next-auth re-issue the cookie with a fresh expiry (server pages cannot set cookies), so
// the signed-in app reads it when it opens and when its tab comes back into view: an active user
// stays signed in, a forgotten session ends. At most once per few minutes per tab.
const RENEW_EVERY_MS = 5 * 60 * 1000;
let lastRenewedAt = 0;

function renew() {
  if (Date.now() - lastRenewedAt < RENEW_EVERY_MS) return;
  lastRenewedAt = Date.now();
  void fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" }).catch(() => undefined);
}

export function SessionKeepAlive() {
  useEffect(() => {
    renew();
    const onVisible = () => {
      if (document.visibilityState === "visible") renew();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, []);
  return null;
}
