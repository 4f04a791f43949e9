import { describe, expect, it } from "vitest";
import { startFakeForFile } from "@/lib/testing/fake-for-file";
import { startFakeSlack } from "@/lib/testing/fake-slack";
import { sampleNotification } from "../testing/sample-notification";
import { listSlackChannels, postSlackMessage, testSlackConnection, updateSlackMessage } from "./slack";
import { expectRedirectRefused } from "./test-helpers";

const slack = startFakeForFile(() => startFakeSlack());

const options = () => ({ apiUrl: slack.apiUrl, allowPrivate: true });

describe("postSlackMessage", () => {
  it("posts the rendered message and answers its ts", async () => {
    const notification = sampleNotification("finding_group.opened");
    const outcome = await postSlackMessage(slack.token, { channel: "#alerts", notification }, options());
    expect(outcome).toMatchObject({ kind: "accepted", status: 200 });
    const [message] = slack.messages("alerts");
    expect(outcome.kind === "accepted" && outcome.providerRef).toBe(message!.ts);
    expect(message!.text).toContain("12 workloads run as root in prod-eu");
    expect(message!.blocks.length).toBeGreaterThan(3);
    expect(message!.clientMsgId).toBe(notification.id);
  });

  it("threads an update under the first message and edits the first message", async () => {
    const opened = sampleNotification("finding_group.opened");
    const parent = await postSlackMessage(slack.token, { channel: "C00000ALERTS", notification: opened }, options());
    const ts = parent.kind === "accepted" ? parent.providerRef! : "";
    const grew = sampleNotification("finding_group.grew");
    const reply = await postSlackMessage(
      slack.token,
      { channel: "C00000ALERTS", notification: grew, threadTs: ts },
      options(),
    );
    expect(reply.kind).toBe("accepted");
    const edited = await updateSlackMessage(
      slack.token,
      { channel: "C00000ALERTS", ts, notification: grew },
      options(),
    );
    expect(edited).toMatchObject({ kind: "accepted", providerRef: ts });

    const [first, second] = slack.messages("alerts");
    expect(second!.threadTs).toBe(ts);
    expect(first!.text).toContain("15 workloads");
    expect(first!.editedAt).not.toBeNull();
  });

  it("posts once when a send is retried with the same notification", async () => {
    const notification = sampleNotification("budget.crossed");
    const a = await postSlackMessage(slack.token, { channel: "alerts", notification }, options());
    const b = await postSlackMessage(slack.token, { channel: "alerts", notification }, options());
    expect(a.kind === "accepted" && b.kind === "accepted" && a.providerRef === b.providerRef).toBe(true);
    expect(slack.messages("alerts")).toHaveLength(1);
  });

  it("answers retry with Slack's Retry-After on a rate limit, without waiting or retrying itself", async () => {
    slack.failNext("ratelimited");
    const started = Date.now();
    const outcome = await postSlackMessage(
      slack.token,
      { channel: "alerts", notification: sampleNotification() },
      options(),
    );
    expect(outcome).toMatchObject({ kind: "retry", status: 429, retryAfterMs: 1000 });
    expect(Date.now() - started).toBeLessThan(900);
    expect(slack.messages("alerts")).toHaveLength(0);
  });

  it("answers retry on a 500 and on no answer in time", async () => {
    slack.failNext("500");
    const failed = await postSlackMessage(
      slack.token,
      { channel: "alerts", notification: sampleNotification() },
      options(),
    );
    expect(failed).toMatchObject({ kind: "retry", status: 500 });
    slack.failNext("hang");
    const hung = await postSlackMessage(
      slack.token,
      { channel: "alerts", notification: sampleNotification() },
      { ...options(), timeoutMs: 300 },
    );
    expect(hung).toMatchObject({ kind: "retry", status: null });
    expect(hung.kind === "retry" && hung.error).toContain("No complete answer");
  });

  it.each([
    ["an unknown token", "xoxb-not-a-token-of-this-workspace", "alerts", "invalid_auth"],
    ["a channel the app was not invited to", undefined, "random", "not_in_channel"],
    ["a private channel the app is not in", undefined, "leadership", "channel_not_found"],
    ["an archived channel", undefined, "old-alerts", "is_archived"],
  ])("marks the connection broken for %s", async (_what, token, channel, error) => {
    const outcome = await postSlackMessage(
      token ?? slack.token,
      { channel, notification: sampleNotification() },
      options(),
    );
    expect(outcome).toMatchObject({ kind: "broken", status: 200 });
    expect(outcome.kind === "broken" && outcome.error).toBe(`Slack: ${error}`);
    expect(JSON.stringify(outcome)).not.toContain(token ?? slack.token);
  });

  it("marks a revoked token broken", async () => {
    const fake = await startFakeSlack({ tokens: ["xoxb-1111-revoked-soon"] });
    fake.revokeToken("xoxb-1111-revoked-soon");
    const outcome = await postSlackMessage(
      "xoxb-1111-revoked-soon",
      { channel: "alerts", notification: sampleNotification() },
      { apiUrl: fake.apiUrl, allowPrivate: true },
    );
    await fake.close();
    expect(outcome).toMatchObject({ kind: "broken", error: "Slack: token_revoked" });
  });

  it("rejects a message Slack refuses, with Slack's own error", async () => {
    const outcome = await updateSlackMessage(
      slack.token,
      { channel: "alerts", ts: "1700000000.000001", notification: sampleNotification() },
      options(),
    );
    expect(outcome).toMatchObject({ kind: "rejected", status: 200, error: "Slack: message_not_found" });
  });

  it("refuses a private API address when private destinations are not allowed, sending nothing", async () => {
    const outcome = await postSlackMessage(
      slack.token,
      { channel: "alerts", notification: sampleNotification() },
      { apiUrl: slack.apiUrl, allowPrivate: false },
    );
    expect(outcome.kind).toBe("broken");
    expect(outcome.kind === "broken" && outcome.error).toContain("BUMPERS_ALLOW_PRIVATE_DESTINATIONS");
    expect(slack.messages()).toHaveLength(0);
  });

  it("does not follow a redirect", async () => {
    const outcome = await expectRedirectRefused(
      (url) =>
        postSlackMessage(
          slack.token,
          { channel: "alerts", notification: sampleNotification() },
          { apiUrl: `${url}/api/`, allowPrivate: true },
        ),
      { status: 301, location: `${slack.apiUrl}chat.postMessage` },
      () => slack.messages(),
    );
    expect(outcome.kind === "broken" && outcome.error).toContain("redirects are not followed");
  });
});

describe("listSlackChannels and testSlackConnection", () => {
  it("lists public channels and the private ones the app is in, without archived ones", async () => {
    const listed = await listSlackChannels(slack.token, options());
    if (listed.kind !== "ok") throw new Error(listed.error);
    expect(listed.channels.map((c) => c.name)).toEqual([
      "alerts",
      "general",
      "payments-alerts",
      "platform-oncall",
      "random",
    ]);
    expect(listed.channels.find((c) => c.name === "random")).toMatchObject({ isMember: false, isPrivate: false });
    expect(listed.channels.find((c) => c.name === "platform-oncall")).toMatchObject({
      isMember: true,
      isPrivate: true,
    });
  });

  it("reads every page of a large workspace", async () => {
    const channels = Array.from({ length: 450 }, (_, i) => ({
      id: `C${String(i).padStart(8, "0")}`,
      name: `team-${String(i).padStart(3, "0")}`,
      isPrivate: false,
      isMember: i % 2 === 0,
      isArchived: false,
    }));
    const big = await startFakeSlack({ channels });
    const listed = await listSlackChannels(big.token, { apiUrl: big.apiUrl, allowPrivate: true });
    await big.close();
    expect(listed.kind === "ok" && listed.channels).toHaveLength(450);
    expect(listed.kind === "ok" && listed.truncated).toBe(false);
  });

  it("names the workspace and the bot of a token, and says when the token is bad", async () => {
    expect(await testSlackConnection(slack.token, options())).toMatchObject({
      kind: "ok",
      team: "Acme (fake Slack)",
      botName: "bumpers",
    });
    expect(await testSlackConnection("xoxb-wrong", options())).toMatchObject({
      kind: "broken",
      error: "Slack: invalid_auth",
    });
  });
});
