import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { unsubscribeAction } from "@/lib/notifications/actions";
import { createSubscription } from "@/lib/notifications/subscriptions/write";
import { signUnsubscribe } from "@/lib/notifications/unsubscribe-token";
import { db } from "@/lib/server/db";
import { createTestTenant } from "@/lib/testing/factories";
import { errorOf } from "@/lib/testing/http";
import { signInAs } from "@/lib/testing/session";
import UnsubscribePage from "../../(auth)/unsubscribe/[token]/page";
import * as oneClick from "./unsubscribe/[token]/route";

// One-click unsubscribe from a mail works without signing in: the page (which asks first), its
// button (a public server action) and the RFC 8058 endpoint mail clients POST to. The signed token
// is the only authority, so an altered one must get a clear refusal, never a 500 or a change.

async function sharedList() {
  const t = await createTestTenant();
  const subscription = await createSubscription(
    t.org.id,
    { userId: t.users.admin.id, label: t.users.admin.email },
    { teamId: t.team.id },
    { name: "Leads by email", target: "lead@example.com, cto@example.com", events: ["finding_group.opened"] },
  );
  const token = signUnsubscribe({ subscriptionId: subscription.id, kind: "email", address: "lead@example.com" });
  return { t, subscription, token };
}

const targetOf = async (id: string) =>
  (await db.notificationSubscription.findUniqueOrThrow({ where: { id }, select: { target: true } })).target;

/**
 * The token with the first character of its signature changed (not the last: its two low bits are
 * base64 padding, so A and B there decode to the same signature).
 */
const tampered = (token: string) => token.replace(/\.(.)/, (_m, c: string) => `.${c === "A" ? "B" : "A"}`);

async function pageHtml(token: string): Promise<string> {
  const element = await UnsubscribePage({ params: Promise.resolve({ token }), searchParams: Promise.resolve({}) });
  return renderToStaticMarkup(element);
}

function actionForm(token: string) {
  const form = new FormData();
  form.set("token", token);
  return form;
}

const post = (token: string, body: BodyInit | null, type = "application/x-www-form-urlencoded") =>
  oneClick.POST(
    new Request(`http://bumpers.test/api/v1/unsubscribe/${token}`, {
      method: "POST",
      body,
      headers: body === null ? {} : { "content-type": type },
    }),
    { params: Promise.resolve({ token }) },
  );

describe("unsubscribe without signing in", () => {
  it("the page says what stops and changes nothing; its button takes the one address out, once", async () => {
    signInAs(null);
    const { subscription, token } = await sharedList();
    const html = await pageHtml(token);
    expect(html).toContain("Unsubscribe from “Leads by email”?");
    expect(html).toContain("lead@example.com");
    expect(await targetOf(subscription.id)).toBe("lead@example.com, cto@example.com");

    const result = await unsubscribeAction(null, actionForm(token));
    expect(result).toMatchObject({ ok: true, data: { state: "unsubscribed", address: "lead@example.com" } });
    expect(await targetOf(subscription.id)).toBe("cto@example.com");
    expect(await pageHtml(token)).toContain("You are already unsubscribed");

    // A second click (or a mail scanner's) is not a second change.
    await unsubscribeAction(null, actionForm(token));
    const audits = await db.auditLog.count({
      where: { targetId: subscription.id, action: "notification_subscription.unsubscribed" },
    });
    expect(audits).toBe(1);
  });

  it("an altered or foreign token is a 'not valid' page and a not_found answer, and changes nothing", async () => {
    const { subscription, token } = await sharedList();
    for (const bad of [tampered(token), "not-a-token", `${token}x`, token.split(".")[0]!]) {
      expect(await pageHtml(bad)).toContain("This link is not valid");
      expect(await unsubscribeAction(null, actionForm(bad))).toMatchObject({
        ok: false,
        error: { code: "not_found", message: "This unsubscribe link is not valid." },
      });
      const res = await post(bad, "List-Unsubscribe=One-Click");
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe("not_found");
    }
    expect(await targetOf(subscription.id)).toBe("lead@example.com, cto@example.com");
  });

  it("answers a mail client's RFC 8058 one-click POST with 200, and only that POST", async () => {
    const { subscription, token } = await sharedList();
    expect((await post(token, null)).status).toBe(400);
    expect((await post(token, "List-Unsubscribe=Yes")).status).toBe(400);
    expect((await post(token, '{"List-Unsubscribe":"One-Click"}', "application/json")).status).toBe(400);
    expect(await targetOf(subscription.id)).toBe("lead@example.com, cto@example.com");

    const res = await post(token, "List-Unsubscribe=One-Click");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "unsubscribed" });
    expect(await targetOf(subscription.id)).toBe("cto@example.com");

    // Some clients post multipart; a repeat is fine.
    const multipart = new FormData();
    multipart.set("List-Unsubscribe", "One-Click");
    const again = await oneClick.POST(
      new Request(`http://bumpers.test/api/v1/unsubscribe/${token}`, { method: "POST", body: multipart }),
      { params: Promise.resolve({ token }) },
    );
    expect(again.status).toBe(200);
  });

  it("sends a browser that opens the header's link to the page, which asks first", async () => {
    const { token } = await sharedList();
    const res = await oneClick.GET(new Request(`http://bumpers.test/api/v1/unsubscribe/${token}`), {
      params: Promise.resolve({ token }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/unsubscribe/${token}`);
  });

  it("switches off a member's own digest, naming their account's address", async () => {
    const t = await createTestTenant();
    const own = await createSubscription(
      t.org.id,
      { userId: t.users.viewer.id, label: t.users.viewer.email },
      { teamId: t.team.id, userId: t.users.viewer.id },
      { name: "My weekly digest", kind: "digest" },
    );
    const token = signUnsubscribe({ subscriptionId: own.id, kind: "digest" });
    expect(await pageHtml(token)).toContain(t.users.viewer.email.toLowerCase());
    expect((await post(token, "List-Unsubscribe=One-Click")).status).toBe(200);
    const row = await db.notificationSubscription.findUniqueOrThrow({ where: { id: own.id } });
    expect(row).toMatchObject({ enabled: false, nextDigestAt: null });
  });
});
