"use client";

import { useState } from "react";
import { hourLabel, WEEKDAYS } from "@/lib/notifications/page-state";
import { Checkbox, Field, Select } from "@/components/ui/field";

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/**
 * When a digest goes out: daily or weekly (on a weekday), at an hour of the team's time zone, and
 * whether an empty period still sends a short all-clear.
 */
export function DigestFields({
  id,
  errors,
  timeZone,
  initial,
}: {
  id: (name: string) => string;
  errors: Record<string, string[] | undefined>;
  /** Where the hour is read: the team's zone, UTC for the organization. */
  timeZone: string;
  initial?: {
    digestPeriod: "daily" | "weekly" | null;
    digestHour: number | null;
    digestWeekday: number | null;
    sendEmpty: boolean;
  };
}) {
  const [period, setPeriod] = useState<"daily" | "weekly">(initial?.digestPeriod ?? "weekly");
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={id("digestPeriod")} label="How often" errors={errors.digestPeriod}>
          <Select name="digestPeriod" value={period} onChange={(e) => setPeriod(e.target.value as "daily" | "weekly")}>
            <option value="daily">Every day</option>
            <option value="weekly">Every week</option>
          </Select>
        </Field>
        {period === "weekly" ? (
          <Field id={id("digestWeekday")} label="Weekday" errors={errors.digestWeekday}>
            <Select name="digestWeekday" defaultValue={String(initial?.digestWeekday ?? 1)}>
              {WEEKDAYS.map((day, i) => (
                <option key={day} value={i}>
                  {day}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field id={id("digestHour")} label="Hour" errors={errors.digestHour} hint={`Time in ${timeZone}.`}>
          <Select name="digestHour" defaultValue={String(initial?.digestHour ?? 9)}>
            {HOURS.map((hour) => (
              <option key={hour} value={hour}>
                {hourLabel(hour)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <input type="hidden" name="sendEmptyPresent" value="1" />
      <Checkbox name="sendEmpty" defaultChecked={initial?.sendEmpty ?? true}>
        Send an all-clear when nothing happened
      </Checkbox>
    </div>
  );
}
