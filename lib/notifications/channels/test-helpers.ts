import { expect } from "vitest";
import { startFakeHttp, sendText } from "@/lib/testing/fake-http";
import type { TChannelOutcome } from "./outcome";

// A destination that answers whatever the test scripts (a 400 with a provider's text, a 302):
// the answers the fakes cannot be made to give by a well-formed message.

export type TScripted = {
  url: string;
  requests: () => number;
  answer: (status: number, body: string, headers?: Record<string, string>) => void;
  close: () => Promise<void>;
};

export async function startScripted(): Promise<TScripted> {
  let next = { status: 200, body: "ok", headers: {} as Record<string, string> };
  let count = 0;
  const server = await startFakeHttp((_req, res) => {
    count++;
    sendText(res, next.status, next.body, next.headers);
  });
  return {
    url: server.url,
    requests: () => count,
    answer: (status, body, headers = {}) => {
      next = { status, body, headers };
    },
    close: server.close,
  };
}

/**
 * A send to a private address while private destinations are not allowed: broken without a
 * status (nothing was sent), and nothing `received`.
 */
export async function expectPrivateRefused(
  send: (policy: { allowPrivate: boolean }) => Promise<TChannelOutcome>,
  received: () => readonly unknown[],
): Promise<void> {
  expect(await send({ allowPrivate: false })).toMatchObject({ kind: "broken", status: null });
  expect(received()).toHaveLength(0);
}

/**
 * A send to a destination that answers a redirect to `location`: broken with the redirect's
 * status, and nothing `received` there (redirects are never followed). Returns the outcome.
 */
export async function expectRedirectRefused(
  send: (scriptedUrl: string) => Promise<TChannelOutcome>,
  redirect: { status: number; location: string },
  received: () => readonly unknown[],
): Promise<TChannelOutcome> {
  const scripted = await startScripted();
  scripted.answer(redirect.status, "", { location: redirect.location });
  const outcome = await send(scripted.url);
  await scripted.close();
  expect(outcome).toMatchObject({ kind: "broken", status: redirect.status });
  expect(received()).toHaveLength(0);
  return outcome;
}
