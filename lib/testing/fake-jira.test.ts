import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_JIRA_API_TOKEN, FAKE_JIRA_EMAIL, FAKE_JIRA_PAT, startFakeJira, type TFakeJira } from "./fake-jira";

let jira: TFakeJira;
const basic = `Basic ${Buffer.from(`${FAKE_JIRA_EMAIL}:${FAKE_JIRA_API_TOKEN}`).toString("base64")}`;
const call = (path: string, init: { method?: string; body?: unknown; auth?: string } = {}) =>
  fetch(`${jira.url}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: init.auth ?? basic, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

beforeAll(async () => {
  jira = await startFakeJira({ rateLimitPerMinute: 40 });
});
afterAll(() => jira.close());

describe("fake Jira", () => {
  it("refuses wrong credentials with Jira's error, and takes the PAT on v2", async () => {
    const refused = await call("/rest/api/3/myself", { auth: "Bearer nope" });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ errorMessages: [expect.stringContaining("not authenticated")] });
    const server = await call("/rest/api/2/myself", { auth: `Bearer ${FAKE_JIRA_PAT}` });
    expect(await server.json()).toMatchObject({ name: "bumpers-bot" });
  });

  it("validates a create like Jira: summary and the Bug's required Team", async () => {
    const res = await call("/rest/api/2/issue", {
      method: "POST",
      body: { fields: { project: { key: "PAY" }, issuetype: { name: "Bug" }, summary: "" } },
      auth: `Bearer ${FAKE_JIRA_PAT}`,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      errorMessages: [],
      errors: { summary: "You must specify a summary of the issue.", customfield_10010: "Team is required." },
    });
    const task = await call("/rest/api/3/issue", {
      method: "POST",
      body: { fields: { project: { key: "OPS" }, issuetype: { name: "Task" }, summary: "Rotate keys" } },
    });
    expect(task.status).toBe(201);
    expect(await task.json()).toMatchObject({ key: "OPS-1" });
    expect((await call("/rest/api/3/project/NOPE")).status).toBe(404);
  });

  it("moves issues from its page and answers 429 past its rate", async () => {
    const form = await fetch(`${jira.url}/fake/issues/OPS-1/transition`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "to=Won%27t+do",
      redirect: "manual",
    });
    expect(form.status).toBe(303);
    expect(jira.issues.get("OPS-1")).toMatchObject({ status: "Done", resolution: "Won't Do" });
    expect(await (await fetch(jira.url)).text()).toContain("Reopen");
    let last = 0;
    for (let i = 0; i < 45 && last !== 429; i++) last = (await call("/rest/api/3/priority")).status;
    expect(last).toBe(429);
  });

  it("restores an issue of a previous run silently, and numbers the next one after it", async () => {
    const fresh = await startFakeJira({ webhookUrl: "http://127.0.0.1:9/hook", webhookRetryDelaysMs: [] });
    try {
      fresh.restoreIssue({
        id: "10004",
        key: "PAY-4",
        summary: "Old",
        status: "Done",
        resolution: "Won't Do",
        labels: ["x"],
      });
      const res = await fetch(`${fresh.url}/rest/api/3/issue/PAY-4?fields=status,resolution,labels`, {
        headers: { authorization: basic },
      });
      expect(await res.json()).toMatchObject({
        id: "10004",
        fields: { status: { name: "Done" }, resolution: { name: "Won't Do" }, labels: ["x"] },
      });
      expect(fresh.deliveries).toEqual([]);
      const created = await fetch(`${fresh.url}/rest/api/3/issue`, {
        method: "POST",
        headers: { authorization: basic, "content-type": "application/json" },
        body: JSON.stringify({ fields: { project: { key: "PAY" }, issuetype: { name: "Task" }, summary: "New" } }),
      });
      expect(await created.json()).toMatchObject({ id: "10005", key: "PAY-5" });
    } finally {
      await fresh.close();
    }
  });
});
