import "server-only";
import { isUuid } from "@/lib/alerting/parse-input";
import { appBaseUrl } from "@/lib/alerting/engine/context";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { readCapped } from "@/lib/server/read-capped";
import { emailAddressesOf } from "./schemas";
import { unsubscribeByToken } from "./subscriptions/write";
import { signUnsubscribe, verifyUnsubscribe, type TUnsubscribePayload } from "./unsubscribe-token";

// Unsubscribing from a mail without signing in: the signed token names the subscription (and, for
// a shared list, the one address), so it is the only authority. A mail carries two links to it:
// the footer's, to a page that says what will stop and asks for one click (opening a link changes
// nothing: mail scanners open links too), and the List-Unsubscribe header's, which mail clients
// POST to without a browser (RFC 8058).

export const INVALID_UNSUBSCRIBE_LINK = "This unsubscribe link is not valid.";

/** The footer's page and the List-Unsubscribe header's one-click endpoint for one recipient. */
export function unsubscribeLinks(payload: TUnsubscribePayload): { page: string; oneClick: string } {
  const token = signUnsubscribe(payload);
  const base = appBaseUrl();
  return { page: `${base}/unsubscribe/${token}`, oneClick: `${base}/api/v1/unsubscribe/${token}` };
}

export type TUnsubscribeView = {
  /** "subscribed": the button stops it; "unsubscribed": already done; "gone": the subscription was deleted. */
  state: "subscribed" | "unsubscribed" | "gone";
  name: string | null;
  address: string | null;
  orgName: string | null;
  teamName: string | null;
};

type TResolved = { subscriptionId: string; address: string | null; view: TUnsubscribeView };

/** What a token names, or null when it is not one of ours (altered, truncated, another key). */
async function resolve(token: string): Promise<TResolved | null> {
  const payload = verifyUnsubscribe(token);
  if (!payload || !isUuid(payload.subscriptionId)) return null;
  const row = await db.notificationSubscription.findUnique({
    where: { id: payload.subscriptionId },
    select: {
      name: true,
      target: true,
      enabled: true,
      userId: true,
      user: { select: { email: true } },
      org: { select: { name: true } },
      team: { select: { name: true } },
    },
  });
  const given = payload.address?.toLowerCase() ?? null;
  if (!row) {
    const view = { state: "gone", name: null, address: given, orgName: null, teamName: null } as const;
    return { subscriptionId: payload.subscriptionId, address: given, view };
  }
  // A personal subscription mails its member's account; a shared one names its recipient.
  const address = row.userId ? (row.user?.email.toLowerCase() ?? null) : given;
  if (!address) return null;
  const subscribed = row.enabled && (row.userId !== null || emailAddressesOf(row.target).includes(address));
  return {
    subscriptionId: payload.subscriptionId,
    address,
    view: {
      state: subscribed ? "subscribed" : "unsubscribed",
      name: row.name,
      address,
      orgName: row.org.name,
      teamName: row.team?.name ?? null,
    },
  };
}

/** What the unsubscribe page shows for a token; null for a link that is not valid. */
export async function describeUnsubscribe(token: string): Promise<TUnsubscribeView | null> {
  return (await resolve(token))?.view ?? null;
}

async function resolveOrFail(token: string): Promise<TResolved> {
  const resolved = await resolve(token);
  if (!resolved) throw new AppError("not_found", INVALID_UNSUBSCRIBE_LINK);
  return resolved;
}

/** Stops it once: a second click changes nothing and writes no second audit row. */
async function stop({ view, subscriptionId, address }: TResolved): Promise<TUnsubscribeView> {
  if (view.state !== "subscribed" || !address) return view;
  await unsubscribeByToken({ subscriptionId, address });
  return { ...view, state: "unsubscribed" };
}

/** Stops what the token names; not_found for a link that is not valid. */
export async function unsubscribeWithToken(token: string): Promise<TUnsubscribeView> {
  return stop(await resolveOrFail(token));
}

const MAX_ONE_CLICK_BYTES = 16 * 1024;

/** The body of an RFC 8058 one-click POST: a form with List-Unsubscribe=One-Click, nothing else will do. */
async function isOneClickBody(req: Request): Promise<boolean> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  const urlEncoded = type.startsWith("application/x-www-form-urlencoded");
  if (!urlEncoded && !type.startsWith("multipart/form-data")) return false;
  const bytes = await readCapped(req, MAX_ONE_CLICK_BYTES, {
    tooLarge: () => new AppError("payload_too_large", "A one-click unsubscribe body is a few bytes."),
    cutOff: (err) => new AppError("bad_request", `The request body was cut off: ${err.message}`),
  });
  const fields = urlEncoded
    ? new URLSearchParams(bytes.toString("utf8"))
    : await new Response(new Uint8Array(bytes), { headers: { "content-type": type } }).formData().catch(() => null);
  return fields?.get("List-Unsubscribe") === "One-Click";
}

/** A mail client's one-click unsubscribe (POST to the List-Unsubscribe URL). */
export async function unsubscribeOneClick(token: string, req: Request): Promise<{ status: "unsubscribed" }> {
  const resolved = await resolveOrFail(token);
  if (!(await isOneClickBody(req))) {
    throw new AppError("bad_request", "A one-click unsubscribe posts the form field List-Unsubscribe=One-Click.");
  }
  await stop(resolved);
  return { status: "unsubscribed" };
}
