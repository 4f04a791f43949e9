// Days in check messages: the same fixed, time-zone-free form on every server.
const dayFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export const formatDay = (date: Date) => dayFormat.format(date);
