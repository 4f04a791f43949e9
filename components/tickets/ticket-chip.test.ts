import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TTicketChip } from "@/lib/tickets/views";
import { TicketChip } from "./ticket-chip";
import { createButtonLabel, providerFieldErrors, ticketOutcomeText } from "./ticket-outcome";

const open: TTicketChip = {
  id: "t1",
  provider: "jira",
  key: "PAY-12",
  url: "https://acme.atlassian.net/browse/PAY-12",
  state: "open",
  providerStatus: "In Progress",
};

describe("TicketChip", () => {
  it("links out in a new tab without leaking the referrer, named for screen readers", () => {
    const html = renderToStaticMarkup(h(TicketChip, { ticket: open }));
    expect(html).toMatch(/^<a /);
    expect(html).toContain('href="https://acme.atlassian.net/browse/PAY-12"');
    expect(html).toContain('target="_blank"');
    expect(html).toContain('rel="noreferrer"');
    expect(html).toContain('aria-label="Ticket PAY-12, In Progress"');
    expect(html).toContain("PAY-12 · In Progress");
  });

  it("has no link while the provider has not answered, and is muted once closed", () => {
    const creating = renderToStaticMarkup(
      h(TicketChip, { ticket: { ...open, key: null, url: null, state: "creating", providerStatus: "" } }),
    );
    expect(creating).not.toContain("<a ");
    expect(creating).toContain("Creating…");
    const done = renderToStaticMarkup(h(TicketChip, { ticket: { ...open, state: "done" } }));
    expect(done).toContain("text-slate-500");
    expect(done).toContain("PAY-12 · Done");
  });
});

describe("the dialog's words", () => {
  it("comments on an existing ticket instead of creating a second one", () => {
    expect(createButtonLabel(open, "jira")).toBe("Add comment to PAY-12");
    expect(createButtonLabel(null, "github")).toBe("Create GitHub issue");
    expect(createButtonLabel(null, "jira")).toBe("Create Jira ticket");
  });

  it("says a queued ticket will be created later, and lists the provider's field errors", () => {
    expect(ticketOutcomeText("queued", { ...open, key: null })).toBe(
      "Jira did not answer yet; Bumpers will create it and retry — the chip shows Creating… until then.",
    );
    expect(providerFieldErrors({ title: ["Too long"], customfield_10010: ["Team is required"] }, ["title"])).toEqual([
      { field: "customfield_10010", message: "Team is required" },
    ]);
  });
});
