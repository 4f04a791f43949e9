// When a digest goes out: at `hour`:00 local time in the team's time zone, every day or on one
// weekday. Pure (the clock is an argument), so the worker's schedule is tested without waiting.

export type TDigestSchedule = {
  period: "daily" | "weekly";
  /** 0–23, local. */
  hour: number;
  /** 0 = Sunday; weekly only. */
  weekday: number;
  timeZone: string;
};

/** Whether the runtime knows this IANA zone name. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();

function localParts(at: Date, timeZone: string) {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partsFormat.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

/** The zone's offset from UTC at an instant, in ms (local = utc + offset). */
function offsetAt(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a local wall-clock time happens (a time skipped by a DST jump moves forward). */
function instantOf(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour);
  const first = guess - offsetAt(new Date(guess), timeZone);
  return new Date(guess - offsetAt(new Date(first), timeZone));
}

/** The first send time strictly after `now`. */
export function nextDigestAt(schedule: TDigestSchedule, now: Date): Date {
  const timeZone = isTimeZone(schedule.timeZone) ? schedule.timeZone : "UTC";
  const today = localParts(now, timeZone);
  for (let i = 0; i <= 8; i++) {
    // Calendar arithmetic on the local date, through UTC noon so month ends roll over.
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + i, 12));
    if (schedule.period === "weekly" && date.getUTCDay() !== schedule.weekday) continue;
    const at = instantOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), schedule.hour, timeZone);
    if (at.getTime() > now.getTime()) return at;
  }
  throw new Error("No send time within 8 days: the schedule is not valid.");
}

/** The period a digest sent at `sentAt` covers: the day or week before it. */
export function digestPeriodOf(period: "daily" | "weekly", sentAt: Date): { from: Date; to: Date } {
  const days = period === "daily" ? 1 : 7;
  return { from: new Date(sentAt.getTime() - days * 86_400_000), to: sentAt };
}
