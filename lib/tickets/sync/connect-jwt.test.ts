import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { pool } from "@/lib/server/db";
import { createTestTicket } from "@/lib/testing/tickets";
import { POST as connectRoute } from "@/app/api/v1/webhooks/jira/[connection]/route";
import type { TInboundTicketEvent, TWebhookParse } from "../provider";
import { canonicalRequest, queryStringHash } from "./connect-jwt";
import { createTicketTenant, ticketEvent, type TTestConnection } from "./sync-testing";
import { applyWebhook } from "./webhook-request";

// Jira webhooks of a Connect-style app: no secret in the URL, a JWT signed with the connection's
// webhook secret and bound to the URL by its qsh claim instead.

async function world() {
  const { t, connection, findingIds } = await createTicketTenant("jira_cloud", { count: 2 });
  const ticket = await createTestTicket({
    orgId: t.org.id,
    teamId: t.team.id,
    connectionId: connection.id,
    findingIds,
  });
  return { connection, findingIds, ticket };
}

const urlOf = (connection: TTestConnection) => `http://bumpers.test/api/v1/webhooks/jira/${connection.id}`;

async function tokenFor(
  url: string,
  secret: string,
  claims: { qsh?: string; exp?: number | null } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ qsh: claims.qsh ?? queryStringHash("POST", new URL(url)) })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer("jira:client-key")
    .setIssuedAt(now);
  if (claims.exp !== null) jwt.setExpirationTime(claims.exp ?? now + 180);
  return jwt.sign(new TextEncoder().encode(secret));
}

const events =
  (...list: TInboundTicketEvent[]) =>
  async (): Promise<TWebhookParse> => ({ kind: "events", deliveryId: list[0]!.deliveryId, events: list });

async function deliver(url: string, connection: TTestConnection, token: string | null, event: TInboundTicketEvent) {
  const request = new Request(url, {
    method: "POST",
    body: "{}",
    headers: token ? { authorization: `JWT ${token}` } : {},
  });
  return applyWebhook("jira", connection.id, request, { parse: events(event) }).then(
    (res) => res.status,
    (err: { status?: number }) => err.status ?? 500,
  );
}

async function states(ids: readonly string[]) {
  const { rows } = await pool.query<{ state: string }>(
    `SELECT state::text FROM findings WHERE id = ANY($1::uuid[]) ORDER BY id`,
    [ids],
  );
  return rows.map((r) => r.state);
}

describe("Jira webhooks with a Connect JWT", () => {
  it("writes Atlassian's canonical request: method, path, sorted query without jwt", () => {
    const url = new URL("https://b.test/api/v1/webhooks/jira/abc/?b=2&a=1&a=0&jwt=x&c=a%20b");
    expect(canonicalRequest("post", url)).toBe("POST&/api/v1/webhooks/jira/abc&a=0,1&b=2&c=a%20b");
  });

  it("applies a delivery whose JWT is signed with the webhook secret and made for this URL", async () => {
    const w = await world();
    const url = urlOf(w.connection);
    const token = await tokenFor(url, w.connection.webhookSecret);
    expect(await deliver(url, w.connection, token, ticketEvent(w.ticket, { state: "done" }))).toBe(200);
    expect(await states(w.findingIds)).toEqual(["resolved", "resolved"]);
  });

  it("refuses with 401 and changes nothing: no JWT, another secret, another URL, no expiry, expired", async () => {
    const w = await world();
    const url = urlOf(w.connection);
    const now = Math.floor(Date.now() / 1000);
    const bad = [
      null,
      await tokenFor(url, "another-secret-of-32-characters!!"),
      await tokenFor(url, w.connection.webhookSecret, { qsh: queryStringHash("POST", new URL(`${url}/other`)) }),
      await tokenFor(url, w.connection.webhookSecret, { exp: null }),
      await tokenFor(url, w.connection.webhookSecret, { exp: now - 3600 }),
    ];
    for (const token of bad) {
      expect(await deliver(url, w.connection, token, ticketEvent(w.ticket, { state: "done" }))).toBe(401);
    }
    expect(await states(w.findingIds)).toEqual(["open", "open"]);
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ticket_sync_log WHERE connection_id = $1::uuid AND NOT ok`,
      [w.connection.id],
    );
    expect(rows[0]!.n).toBe(bad.length);
  });

  it("is what the route without a path secret checks", async () => {
    const w = await world();
    const res = await connectRoute(new Request(urlOf(w.connection), { method: "POST", body: "{}" }), {
      params: Promise.resolve({ connection: w.connection.id }),
    });
    expect(res.status).toBe(401);
    expect(await states(w.findingIds)).toEqual(["open", "open"]);
  });
});
