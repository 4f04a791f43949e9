import "server-only";
import { jsonChannelSenders, type TJsonChannel } from "./deliver-json";
import { renderTeamsCard } from "./teams-card";

// A Microsoft Teams channel through a Workflows (Power Automate) webhook: the flow "When a Teams
// webhook request is received" posts the Adaptive Card it is sent. Its URL carries the signature
// (`sig=`) that authorizes it, so the URL is the secret. 200/202 accepted; 400 the card was
// refused; 401/403/404/410 the flow is gone or no longer authorized (broken); 429 and 5xx retry.

const TEAMS: TJsonChannel = { provider: "Microsoft Teams", brokenStatuses: new Set([401, 403, 404, 410]) };

const senders = jsonChannelSenders<unknown>(TEAMS, renderTeamsCard);

export const sendTeamsMessage = senders.send;

/** Posts an already built card envelope (a digest's). */
export const sendTeamsCard = senders.sendRendered;
