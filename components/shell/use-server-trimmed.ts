"use client";

import { useSyncExternalStore } from "react";

/** Long lists (an org's hundreds of teams) render this many in the server's HTML, the rest in the browser. */
const SERVER_RENDERED = 30;

const subscribeNever = () => () => {};

/**
 * A long list as it is rendered: whole in the browser, but in the server's HTML (and while
 * hydrating) only its first items and those `keep` picks (the current team, the selected ones), so
 * every page does not render it all twice.
 */
export function useServerTrimmed<T>(items: readonly T[], keep: (item: T) => boolean): readonly T[] {
  // False on the server and while hydrating, true once the browser has taken over.
  const inBrowser = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  return inBrowser || items.length <= SERVER_RENDERED
    ? items
    : items.filter((item, i) => i < SERVER_RENDERED || keep(item));
}
