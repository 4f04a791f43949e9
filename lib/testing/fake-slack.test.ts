import { WebClient } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import { startFakeForFile } from "@/lib/testing/fake-for-file";
import { SLACK_METHODS } from "@/lib/notifications/channels/slack";
import { renderSlackMessage } from "@/lib/notifications/channels/slack-blocks";
import { sampleNotification } from "@/lib/notifications/testing/sample-notification";
import { FAKE_SLACK_METHODS, startFakeSlack, validateSlackBlocks } from "./fake-slack";

const slack = startFakeForFile(() => startFakeSlack());

const call = async (method: string, body: Record<string, string>, token: string | null = slack.token) => {
  const res = await fetch(`${slack.apiUrl}${method}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: new URLSearchParams(body),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
};

/**
 * Every Web API method name @slack/web-api knows: its WebClient binds one function per method
 * (`client.chat.postMessage` → "chat.postMessage"); a client whose apiCall answers the name
 * reads them all, so the package's own method list is the contract.
 */
async function packageMethodNames(): Promise<Set<string>> {
  class NameOnly extends WebClient {
    override apiCall(method: string) {
      return Promise.resolve(method as never);
    }
  }
  const names = new Set<string>();
  const walk = async (node: Record<string, unknown>, depth: number) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === "function" && depth > 0) {
        const name = await (value as (o: object) => Promise<unknown>)({}).catch(() => null);
        if (typeof name === "string") names.add(name);
      } else if (value && typeof value === "object" && depth < 4 && key !== "logger" && key !== "requestQueue") {
        await walk(value as Record<string, unknown>, depth + 1);
      }
    }
  };
  await walk(new NameOnly() as unknown as Record<string, unknown>, 0);
  return names;
}

describe("fake Slack: contract with Slack's Web API method list", () => {
  it("reads the package's method list", async () => {
    const names = await packageMethodNames();
    expect(names.size).toBeGreaterThan(200);
    expect(names.has("conversations.history")).toBe(true);
  });

  it("implements only real methods, and every method Bumpers calls", async () => {
    const names = await packageMethodNames();
    expect(FAKE_SLACK_METHODS.filter((m) => !names.has(m))).toEqual([]);
    expect(SLACK_METHODS.filter((m) => !names.has(m))).toEqual([]);
    expect(SLACK_METHODS.filter((m) => !(FAKE_SLACK_METHODS as readonly string[]).includes(m))).toEqual([]);
  });

  it.each(SLACK_METHODS)("answers %s (not unknown_method)", async (method) => {
    const { json } = await call(method, { channel: "C00000ALERTS", text: "hi", ts: "1.000001" });
    expect(json.error).not.toBe("unknown_method");
  });

  it("answers unknown_method for the rest, and checks the token before anything else", async () => {
    expect((await call("conversations.history", {})).json).toMatchObject({ ok: false, error: "unknown_method" });
    expect((await call("toString", {})).json).toMatchObject({ ok: false, error: "unknown_method" });
    expect((await call("auth.test", {}, null)).json).toEqual({ ok: false, error: "not_authed" });
    expect((await call("auth.test", {}, "xoxb-nope")).json).toEqual({ ok: false, error: "invalid_auth" });
  });
});

describe("fake Slack: messages", () => {
  it("validates Block Kit like Slack: the renderer's output passes, broken blocks do not", async () => {
    const { blocks } = renderSlackMessage(sampleNotification("finding_group.opened"));
    expect(validateSlackBlocks(blocks)).toEqual([]);
    const tooLong = [{ type: "header", text: { type: "plain_text", text: "x".repeat(151) } }];
    expect(validateSlackBlocks(tooLong)).toEqual([
      "must be less than 151 characters [json-pointer:/blocks/0/text/text]",
    ]);
    expect(validateSlackBlocks([{ type: "marquee" }])[0]).toContain("unsupported type: marquee");
    expect(validateSlackBlocks(Array.from({ length: 51 }, () => ({ type: "divider" })))[0]).toContain("at most 50");
    const { json } = await call("chat.postMessage", { channel: "alerts", text: "x", blocks: JSON.stringify(tooLong) });
    expect(json).toMatchObject({ ok: false, error: "invalid_blocks" });
    expect((await call("chat.postMessage", { channel: "alerts" })).json).toMatchObject({ error: "no_text" });
  });

  it("answers 429 with Retry-After when told to, then carries on", async () => {
    slack.failNext("ratelimited");
    const limited = await call("chat.postMessage", { channel: "alerts", text: "x" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(limited.json).toEqual({ ok: false, error: "ratelimited" });
    expect((await call("chat.postMessage", { channel: "alerts", text: "x" })).json.ok).toBe(true);
  });

  it("keeps messages per channel with their threads, shown as JSON and on its page", async () => {
    const parent = await call("chat.postMessage", { channel: "#alerts", text: "parent <b>" });
    await call("chat.postMessage", { channel: "alerts", text: "reply", thread_ts: String(parent.json.ts) });
    expect((await call("chat.postMessage", { channel: "alerts", text: "x", thread_ts: "1.1" })).json.error).toBe(
      "thread_not_found",
    );
    const listed = (await (await fetch(`${slack.url}/_fake/messages?channel=alerts`)).json()) as {
      messages: { text: string; threadTs: string | null }[];
    };
    expect(listed.messages.map((m) => [m.text, m.threadTs])).toEqual([
      ["parent <b>", null],
      ["reply", parent.json.ts],
    ]);
    const html = await (await fetch(slack.url)).text();
    expect(html).toContain("#alerts");
    expect(html).toContain("parent &lt;b&gt;");
    expect(html).toContain('class="replies"');
  });

  it("answers incoming webhooks with Slack's plain-text answers", async () => {
    const url = slack.webhookUrl("alerts");
    const post = (body: string, target = url) =>
      fetch(target, { method: "POST", headers: { "content-type": "application/json" }, body });
    const okRes = await post(JSON.stringify({ text: "hello" }));
    expect([okRes.status, await okRes.text()]).toEqual([200, "ok"]);
    const bad = await post("{not json");
    expect([bad.status, await bad.text()]).toEqual([400, "invalid_payload"]);
    const unknown = await post(JSON.stringify({ text: "x" }), `${slack.url}/services/T1/B1/nope`);
    expect([unknown.status, await unknown.text()]).toEqual([404, "no_service"]);
    slack.setWebhookState(url, "channel_is_archived");
    const archived = await post(JSON.stringify({ text: "x" }));
    slack.setWebhookState(url, "ok");
    expect([archived.status, await archived.text()]).toEqual([410, "channel_is_archived"]);
    expect(slack.messages("alerts").map((m) => m.via)).toEqual(["webhook"]);
  });
});
