import "server-only";
import { env } from "./env";

// Bumpers ships without a mail server. The transport is chosen by BUMPERS_MAIL_TRANSPORT:
// `log` writes each mail as one line to the server log (operators can forward it), `none` drops it.
// Callers always also show the invitation link in the UI, so no mail is ever the only copy.

export type TMail = { to: string; subject: string; text: string; link?: string };
export type TMailResult = { transport: "log" | "none"; sent: boolean };

/** One log line per mail; JSON-quoted fields so a subject or name cannot forge extra lines. */
export function formatMailLogLine(from: string, mail: TMail): string {
  const fields = [
    `from=${JSON.stringify(from)}`,
    `to=${JSON.stringify(mail.to)}`,
    `subject=${JSON.stringify(mail.subject)}`,
  ];
  if (mail.link) fields.push(`link=${JSON.stringify(mail.link)}`);
  return `[mail] ${fields.join(" ")}`;
}

export async function sendMail(mail: TMail): Promise<TMailResult> {
  const { BUMPERS_MAIL_TRANSPORT: transport, BUMPERS_MAIL_FROM: from } = env();
  if (transport === "none") return { transport, sent: false };
  console.info(formatMailLogLine(from, mail));
  return { transport, sent: true };
}
