import "server-only";
import { z } from "zod";
import { parseInput } from "@/lib/alerting/parse-input";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { openTicketSecret } from "../connection-secret";
import type { TProjectOptions } from "../provider";
import { ticketProviderFor, type TProviderOptions } from "../provider-seam";
import { ZProjectSettings } from "../schemas";
import { ticketConnectionFor, type TProjectOwner } from "./owner";

const ZDraft = z.object({ connectionId: z.string().default(""), settings: ZProjectSettings });
export type TProjectDraft = z.input<typeof ZDraft>;

/**
 * What the project form offers for a draft (not yet saved) project: Jira's issue types,
 * components, priorities and the chosen issue type's fields (required ones flagged); GitHub's
 * milestones. A refusal is the provider's words (an unknown project, no access to the repo).
 */
export async function projectOptionsFor(
  orgId: string,
  owner: TProjectOwner,
  draft: TProjectDraft,
  options: TProviderOptions = {},
): Promise<TProjectOptions> {
  const { connectionId, settings } = parseInput(ZDraft, draft);
  const connection = await ticketConnectionFor(db, orgId, owner, connectionId);
  const secret = openTicketSecret(connection.id, connection.secretCiphertext);
  const provider = await ticketProviderFor({ secret, project: settings }, options);
  const answer = await provider.projectOptions();
  if (!answer.ok) throw new AppError("bad_request", `${connection.name} answered: ${answer.outcome.error}`);
  return answer.value;
}
