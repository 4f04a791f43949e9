import { describe, expect, it } from "vitest";
import { startFakeForFile } from "@/lib/testing/fake-for-file";
import { renderTeamsCard } from "@/lib/notifications/channels/teams-card";
import { sampleNotification } from "@/lib/notifications/testing/sample-notification";
import { startFakeTeams, validateTeamsEnvelope } from "./fake-teams";

const teams = startFakeForFile(() => startFakeTeams());

const post = (url: string, body: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

const messageCard = {
  "@type": "MessageCard",
  "@context": "https://schema.org/extensions",
  summary: "Old connector card",
  text: "hello",
};

describe("fake Teams Workflows", () => {
  it("takes an Adaptive Card envelope with 202 and keeps the card, as JSON and on its page", async () => {
    const res = await post(teams.workflowUrl(), renderTeamsCard(sampleNotification("cluster.stale")));
    expect(res.status).toBe(202);
    const listed = (await (await fetch(`${teams.url}/_fake/cards`)).json()) as {
      cards: { card: { version: string } }[];
    };
    expect(listed.cards.map((c) => c.card.version)).toEqual(["1.4"]);
    const html = await (await fetch(teams.url)).text();
    expect(html).toContain("prod-eu has not reported for 3 hours");
    expect(html).toContain("[Open the cluster] https://bumpers.example.com/o/acme/clusters/prod-eu");
  });

  it("also answers the short path /workflows/<id>", async () => {
    const id = new URL(teams.workflowUrl()).pathname.split("/")[2]!;
    const res = await post(`${teams.url}/workflows/${id}`, renderTeamsCard(sampleNotification("test")));
    expect(res.status).toBe(202);
  });

  it("refuses the retired MessageCard and malformed cards with Microsoft's error shape", async () => {
    const res = await post(teams.workflowUrl(), messageCard);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("InvalidRequestContent");
    const card = renderTeamsCard(sampleNotification("test"));
    const wrongVersion = structuredClone(card);
    wrongVersion.attachments[0]!.content.version = "2.0" as "1.4";
    expect(validateTeamsEnvelope(wrongVersion)[0]).toContain('version "2.0" is not supported');
    const unknownElement = structuredClone(card);
    unknownElement.attachments[0]!.content.body.push({ type: "Marquee" });
    expect(validateTeamsEnvelope(unknownElement)[0]).toContain('unknown element type "Marquee"');
    expect(validateTeamsEnvelope(card)).toEqual([]);
    expect(teams.cards()).toHaveLength(0);
  });

  it("fails on demand, over HTTP too", async () => {
    const control = await post(`${teams.url}/_fake/fail`, { mode: "429", count: 1 });
    expect(control.status).toBe(200);
    const limited = await post(teams.workflowUrl(), renderTeamsCard(sampleNotification("test")));
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "1"]);
    expect((await post(teams.workflowUrl(), renderTeamsCard(sampleNotification("test")))).status).toBe(202);
  });
});
