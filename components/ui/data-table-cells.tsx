import { formatDate, formatDateTime, formatLastUsed } from "./format";

// Cell contents that several tables show the same way.

/** "3 h ago", with the exact time on hover. */
export function TimeAgo({ at, now }: { at: Date; now: Date }) {
  return (
    <time dateTime={at.toISOString()} title={formatDateTime(at)}>
      {formatLastUsed(at, now)}
    </time>
  );
}

/** The day, with the exact time on hover. */
export function DateOf({ at }: { at: Date }) {
  return (
    <time dateTime={at.toISOString()} title={formatDateTime(at)}>
      {formatDate(at)}
    </time>
  );
}

/** When a token or a key was last used, or "never". */
export function LastUsed({ at, now }: { at: Date | null; now: Date }) {
  return at ? <TimeAgo at={at} now={now} /> : <span className="text-slate-500">never</span>;
}

/** A cell with nothing to say: a grey dash (or the given word). */
export function Missing({ children = "—" }: { children?: string }) {
  return <span className="text-slate-400">{children}</span>;
}
