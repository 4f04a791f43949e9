import { describe, expect, it } from "vitest";
import { startFakeForFile } from "@/lib/testing/fake-for-file";
import { startFakeTeams } from "@/lib/testing/fake-teams";
import { sampleNotification } from "../testing/sample-notification";
import { sendTeamsMessage } from "./teams";
import { expectPrivateRefused, expectRedirectRefused, startScripted } from "./test-helpers";

const teams = startFakeForFile(() => startFakeTeams());

const open = { allowPrivate: true };

describe("sendTeamsMessage", () => {
  it("posts the Adaptive Card to the workflow", async () => {
    const outcome = await sendTeamsMessage(teams.workflowUrl(), sampleNotification("admission.denied"), open);
    expect(outcome).toMatchObject({ kind: "accepted", status: 202 });
    const [received] = teams.cards();
    expect(received!.card).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
    expect(JSON.stringify(received!.card)).toContain("Admission denied Deployment payments/api in prod-eu");
  });

  it("answers retry with Retry-After on a 429, and retry on a 500", async () => {
    teams.failNext("429");
    expect(await sendTeamsMessage(teams.workflowUrl(), sampleNotification(), open)).toMatchObject({
      kind: "retry",
      status: 429,
      retryAfterMs: 1000,
    });
    teams.failNext("500");
    expect(await sendTeamsMessage(teams.workflowUrl(), sampleNotification(), open)).toMatchObject({
      kind: "retry",
      status: 500,
    });
  });

  it("marks the connection broken when the signature is wrong or the flow was deleted", async () => {
    const url = new URL(teams.workflowUrl());
    url.searchParams.set("sig", "not-the-signature");
    const badSig = await sendTeamsMessage(url.toString(), sampleNotification(), open);
    expect(badSig).toMatchObject({
      kind: "broken",
      status: 401,
      error:
        "Microsoft Teams answered 401: DirectApiInvalidAuthorizationSignature: The provided signature is not valid.",
    });
    expect(JSON.stringify(badSig)).not.toContain("not-the-signature");

    const gone = await startFakeTeams();
    const goneUrl = gone.workflowUrl();
    gone.removeWorkflow(new URL(goneUrl).pathname.split("/")[2]!);
    const deleted = await sendTeamsMessage(goneUrl, sampleNotification(), open);
    await gone.close();
    expect(deleted).toMatchObject({ kind: "broken", status: 404 });
    expect(deleted.kind === "broken" && deleted.error).toContain("WorkflowNotFound");
  });

  it("rejects a card Teams refuses (400), with Microsoft's error", async () => {
    const scripted = await startScripted();
    scripted.answer(
      400,
      JSON.stringify({ error: { code: "InvalidTemplate", message: "Unable to process the card." } }),
    );
    const outcome = await sendTeamsMessage(
      `${scripted.url}/workflows/x/triggers/manual/paths/invoke?sig=s3cr3tsig`,
      sampleNotification(),
      open,
    );
    await scripted.close();
    expect(outcome).toMatchObject({
      kind: "rejected",
      status: 400,
      error: "Microsoft Teams answered 400: InvalidTemplate: Unable to process the card.",
    });
  });

  it("refuses a private address when private destinations are not allowed", async () => {
    await expectPrivateRefused(
      (policy) => sendTeamsMessage(teams.workflowUrl(), sampleNotification(), policy),
      () => teams.cards(),
    );
  });

  it("does not follow a redirect", async () => {
    await expectRedirectRefused(
      (url) => sendTeamsMessage(`${url}/workflows/x`, sampleNotification(), open),
      { status: 307, location: teams.workflowUrl() },
      () => teams.cards(),
    );
  });
});
