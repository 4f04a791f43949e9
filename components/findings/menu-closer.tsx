"use client";

import { useEffect } from "react";

/**
 * Makes the <details> menus of the page behave like menus: one open at a time, closed by a click
 * elsewhere, by choosing a link in them, or by Escape (which returns focus to the menu's button).
 * Without JavaScript they still open and close on their own button.
 */
export function MenuCloser() {
  useEffect(() => {
    const menus = () => [...document.querySelectorAll<HTMLDetailsElement>("details[data-menu][open]")];
    const onClick = (event: MouseEvent) => {
      const target = event.target as Element;
      // A link inside a menu navigates on the client, where the menu would otherwise stay open.
      const followsLink = Boolean(target.closest?.("a[href]"));
      for (const menu of menus()) if (followsLink || !menu.contains(target)) menu.open = false;
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      for (const menu of menus()) {
        const hadFocus = menu.contains(document.activeElement);
        menu.open = false;
        if (hadFocus) menu.querySelector("summary")?.focus();
      }
    };
    // "toggle" does not bubble; listen in the capture phase to see every menu's.
    const onToggle = (event: Event) => {
      const opened = event.target as HTMLDetailsElement;
      if (!opened.matches?.("details[data-menu]") || !opened.open) return;
      for (const menu of menus()) if (menu !== opened && !menu.contains(opened)) menu.open = false;
    };
    document.addEventListener("click", onClick);
    document.addEventListener("keydown", onKey);
    document.addEventListener("toggle", onToggle, true);
    return () => {
      document.removeEventListener("click", onClick);
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("toggle", onToggle, true);
    };
  }, []);
  return null;
}
