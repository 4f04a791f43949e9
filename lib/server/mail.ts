import "server-only";
import { env } from "./env";

// Bumpers ships without a mail server. The transport is chosen by BUMPERS_MAIL_TRANSPORT:
// `log` writes each mail as one line to the server log, `none` drops it. A mail's link is a
// credential (an invitation), and logs are read by more people than the invitee: the log shows
// only its first characters. Callers always show the full link in the UI to the person who sent it.

export type TMail = {
  to: string;
  subject: string;
  text: string;
  link?: string;
  /**
   * Print the link whole in the log. Only for links nobody else can show the recipient (sign-up
   * confirmation, sign-in unlock): with the `log` transport the operator passes them on. Neither
   * is worth much alone: finishing a sign-up takes the password chosen with it, and an unlock only
   * lifts a lock.
   */
  revealLinkInLog?: boolean;
};
export type TMailResult = { transport: "log" | "none"; sent: boolean };

/** One log line per mail; JSON-quoted fields so a subject or name cannot forge extra lines. */
export function formatMailLogLine(from: string, mail: TMail): string {
  const fields = [
    `from=${JSON.stringify(from)}`,
    `to=${JSON.stringify(mail.to)}`,
    `subject=${JSON.stringify(mail.subject)}`,
  ];
  if (mail.link) fields.push(`link=${JSON.stringify(mail.revealLinkInLog ? mail.link : redactLink(mail.link))}`);
  return `[mail] ${fields.join(" ")}`;
}

/** The link with its last path segment (the secret) cut to 4 characters. */
export function redactLink(link: string): string {
  const cut = link.lastIndexOf("/");
  const secret = link.slice(cut + 1);
  return secret.length > 4 ? `${link.slice(0, cut + 1)}${secret.slice(0, 4)}…` : link;
}

export async function sendMail(mail: TMail): Promise<TMailResult> {
  const { BUMPERS_MAIL_TRANSPORT: transport, BUMPERS_MAIL_FROM: from } = env();
  if (transport === "none") return { transport, sent: false };
  console.info(formatMailLogLine(from, mail));
  return { transport, sent: true };
}
