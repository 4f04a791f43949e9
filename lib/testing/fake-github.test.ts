import { createSign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { startFakeGithub } from "./fake-github";

const call = async (url: string, init: RequestInit = {}) => {
  const res = await fetch(url, init);
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
};

function appJwt(privateKey: string, appId: number, exp = Math.floor(Date.now() / 1000) + 300) {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const head = `${part({ alg: "RS256", typ: "JWT" })}.${part({ iat: Math.floor(Date.now() / 1000) - 30, exp, iss: appId })}`;
  return `${head}.${createSign("RSA-SHA256").update(head).sign(privateKey, "base64url")}`;
}

describe("fake GitHub", () => {
  it("checks the token on every call and answers with rate-limit headers", async () => {
    const github = await startFakeGithub();
    try {
      expect((await call(`${github.url}/user`)).status).toBe(401);
      const bad = await call(`${github.url}/user`, { headers: { authorization: "token ghp_nope" } });
      expect(bad).toMatchObject({ status: 401, json: { message: "Bad credentials" } });
      const me = await call(`${github.url}/api/v3/user`, { headers: { authorization: `token ${github.token}` } });
      expect(me.json.login).toBe("bumpers-dev");
      expect(me.headers.get("x-ratelimit-remaining")).toBe("4999");
    } finally {
      await github.close();
    }
  });

  it("limits requests per minute with 403, x-ratelimit-remaining: 0 and retry-after", async () => {
    const github = await startFakeGithub({ rateLimitPerMinute: 2 });
    try {
      const auth = { headers: { authorization: `Bearer ${github.token}` } };
      await call(`${github.url}/user`, auth);
      await call(`${github.url}/user`, auth);
      const limited = await call(`${github.url}/user`, auth);
      expect(limited.status).toBe(403);
      expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await github.close();
    }
  });

  it("accepts an App JWT signed with the App's key only, and issues installation tokens with it", async () => {
    const github = await startFakeGithub();
    try {
      const { appId, installationId, privateKey } = github.app;
      const jwt = appJwt(privateKey!, appId);
      expect((await call(`${github.url}/app`, { headers: { authorization: `Bearer ${jwt}` } })).json.slug).toBe(
        "bumpers-fake",
      );
      const forged = appJwt(privateKey!, appId + 1);
      expect((await call(`${github.url}/app`, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
      const expired = appJwt(privateKey!, appId, Math.floor(Date.now() / 1000) - 10);
      expect((await call(`${github.url}/app`, { headers: { authorization: `Bearer ${expired}` } })).status).toBe(401);
      const minted = await call(`${github.url}/app/installations/${installationId}/access_tokens`, {
        method: "POST",
        headers: { authorization: `Bearer ${jwt}` },
      });
      expect(minted.status).toBe(201);
      const me = await call(`${github.url}/user`, { headers: { authorization: `token ${String(minted.json.token)}` } });
      expect(me.json).toMatchObject({ login: "bumpers-fake[bot]", type: "Bot" });
    } finally {
      await github.close();
    }
  });

  it("lets a person close, reopen and comment from its page, as octocat", async () => {
    const github = await startFakeGithub();
    try {
      const auth = { authorization: `token ${github.token}`, "content-type": "application/json" };
      await call(`${github.url}/repos/acme/payments/issues`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ title: "Fix it" }),
      });
      const page = await (await fetch(github.url)).text();
      expect(page).toContain("Close as not planned");
      const form = { "content-type": "application/x-www-form-urlencoded" };
      const res = await fetch(`${github.url}/fake/repos/acme/payments/issues/1/close`, {
        method: "POST",
        headers: form,
        body: "reason=not_planned",
        redirect: "manual",
      });
      expect(res.status).toBe(303);
      await fetch(`${github.url}/fake/repos/acme/payments/issues/1/comments`, {
        method: "POST",
        headers: form,
        body: "body=Not+ours",
      });
      expect(github.issues("acme/payments")[0]).toMatchObject({
        state: "closed",
        stateReason: "not_planned",
        closedBy: "octocat",
      });
      expect(github.issues()[0]!.comments[0]).toMatchObject({ body: "Not ours", user: "octocat" });
      const missing = await call(`${github.url}/repos/acme/payments/issues`, {
        method: "POST",
        headers: auth,
        body: "{}",
      });
      expect(missing).toMatchObject({
        status: 422,
        json: { message: "Validation Failed", errors: [{ resource: "Issue", field: "title", code: "missing_field" }] },
      });
    } finally {
      await github.close();
    }
  });

  it("restores an issue of a previous run silently, and numbers the next one after the highest", async () => {
    const github = await startFakeGithub({ webhook: { url: "http://127.0.0.1:9/hook", secret: "s" } });
    try {
      github.restoreIssue("acme/platform", {
        number: 3,
        title: "Old",
        state: "closed",
        stateReason: "not_planned",
        labels: ["bumpers"],
      });
      const auth = { authorization: `Bearer ${github.token}` };
      const old = await call(`${github.url}/repos/acme/platform/issues/3`, { headers: auth });
      expect(old.json).toMatchObject({ number: 3, state: "closed", state_reason: "not_planned", title: "Old" });
      expect(github.deliveries()).toEqual([]);
      const made = await call(`${github.url}/repos/acme/platform/issues`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ title: "New" }),
      });
      expect(made.json.number).toBe(4);
    } finally {
      await github.close();
    }
  });
});
