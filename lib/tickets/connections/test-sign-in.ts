import "server-only";
import type { TChannelOutcome } from "@/lib/notifications/channels/outcome";
import { db } from "@/lib/server/db";
import { openTicketSecret } from "../connection-secret";
import { ticketProviderFor, type TProviderOptions } from "../provider-seam";
import { providerOfKind, type TTicketConnectionKind } from "../schemas";

// "Send test" on a Jira or GitHub connection: sign in (whoAmI) and say as whom. The answer is a
// delivery outcome like any other test's, so a 401 marks the connection broken the same way.

const PROVIDER_NAMES = { jira: "Jira", github: "GitHub" } as const;

export async function testTicketSignIn(
  row: { id: string; kind: TTicketConnectionKind; secretCiphertext: string; settings: unknown },
  options: TProviderOptions = {},
): Promise<{ outcome: TChannelOutcome; okText: string }> {
  const secret = openTicketSecret(row.id, row.secretCiphertext);
  const provider = await ticketProviderFor({ secret, project: null }, options);
  const me = await provider.whoAmI();
  if (!me.ok) return { outcome: me.outcome as TChannelOutcome, okText: "" };
  // The account may have been renamed: webhooks recognise Bumpers' own changes by its id.
  await db.notificationConnection.update({
    where: { id: row.id },
    data: { settings: { ...(row.settings as object), identity: me.value } },
  });
  return {
    outcome: { kind: "accepted", status: me.status, response: me.response },
    okText: `Signed in to ${PROVIDER_NAMES[providerOfKind(row.kind)]} as ${me.value.name}.`,
  };
}
