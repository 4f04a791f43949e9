/** How a due date is counted, in the words the SLA pages use. */
export function SlaClockExplainer() {
  return (
    <ul className="list-disc space-y-1.5 pl-5 text-sm text-slate-600">
      <li>
        The clock starts when a finding is <strong>first seen</strong>, and starts again from zero when a fixed finding
        is <strong>reopened</strong> (it came back in a report).
      </li>
      <li>
        It is <strong>paused while the finding is snoozed</strong>: a 3-day snooze moves the due date 3 days later;
        ending a snooze early takes the unused days back.
      </li>
      <li>
        A finding is <strong>overdue</strong> once its due date has passed while it is still open, not resolved and not
        snoozed. Bumpers records the breach once per clock and notifies the subscriptions and PagerDuty rules that ask
        for it.
      </li>
      <li>
        Teams may set <strong>stricter</strong> days for their own findings; an automation rule may set a finding&apos;s
        due days itself, which then win.
      </li>
    </ul>
  );
}
