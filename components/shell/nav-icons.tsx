// Small inline icons (24px grid, stroke) so the shell needs no icon font or extra download.
const PATHS = {
  overview: "M3 12l9-8 9 8M5 10v10h5v-6h4v6h5V10",
  findings: "M12 3l8 4v5c0 5-3.5 8-8 9-4.5-1-8-4-8-9V7l8-4zM9 12l2 2 4-4",
  cost: "M12 3v18M16.5 7.5C16 6 14.3 5 12 5c-2.8 0-4.5 1.4-4.5 3.3 0 4.2 9 2.4 9 7 0 2-1.9 3.4-4.5 3.4-2.4 0-4.1-1.1-4.6-2.7",
  alerting: "M6 16V11a6 6 0 1112 0v5l2 2H4l2-2zM10 20a2 2 0 004 0",
  policies:
    "M9 4h6M9 4a1 1 0 00-1 1v1h8V5a1 1 0 00-1-1M8 5H6a1 1 0 00-1 1v14a1 1 0 001 1h12a1 1 0 001-1V6a1 1 0 00-1-1h-2M9 14l2 2 4-4",
  clusters: "M12 2l8.5 5v10L12 22l-8.5-5V7L12 2zM12 22V12M20.5 7L12 12 3.5 7",
  settings:
    "M12 15a3 3 0 100-6 3 3 0 000 6zM19.4 15a1.7 1.7 0 00.3 1.8l.1.1a2 2 0 11-2.8 2.8l-.1-.1a1.7 1.7 0 00-1.8-.3 1.7 1.7 0 00-1 1.5V21a2 2 0 11-4 0v-.1a1.7 1.7 0 00-1.1-1.5 1.7 1.7 0 00-1.8.3l-.1.1a2 2 0 11-2.8-2.8l.1-.1a1.7 1.7 0 00.3-1.8 1.7 1.7 0 00-1.5-1H3a2 2 0 110-4h.1a1.7 1.7 0 001.5-1.1 1.7 1.7 0 00-.3-1.8l-.1-.1a2 2 0 112.8-2.8l.1.1a1.7 1.7 0 001.8.3H9a1.7 1.7 0 001-1.5V3a2 2 0 114 0v.1a1.7 1.7 0 001 1.5 1.7 1.7 0 001.8-.3l.1-.1a2 2 0 112.8 2.8l-.1.1a1.7 1.7 0 00-.3 1.8V9a1.7 1.7 0 001.5 1H21a2 2 0 110 4h-.1a1.7 1.7 0 00-1.5 1z",
} as const;

export type TNavIcon = keyof typeof PATHS;

export function NavIcon({ name, className = "size-4" }: { name: TNavIcon; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
      aria-hidden
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
