import "server-only";
import { env } from "./env";
import {
  classifySmtpError,
  createSmtpTransport,
  smtpSettingsFromEnv,
  type TSmtpFailure,
  type TSmtpSettings,
} from "./smtp";

// How Bumpers sends mail, chosen by BUMPERS_MAIL_TRANSPORT: `smtp` through the install's server
// (SMTP_URL or SMTP_HOST & co.; lib/server/smtp.ts), `log` writes each mail as one line to the
// server log, `none` drops it. A mail may also name its own server (an organization's), which is
// used whatever the install's transport. A mail's link is a credential (an invitation), and logs
// are read by more people than the invitee: the log shows only its first characters. Callers
// always show the full link in the UI to the person who sent it.

export { classifySmtpError, createSmtpTransport, smtpSettingsFromEnv, type TSmtpFailure, type TSmtpSettings };

export type TMailAttachment = {
  filename: string;
  content: Buffer;
  contentType: string;
  /** An inline image: the HTML shows it with `<img src="cid:…">`. */
  cid?: string;
};

export type TMail = {
  to: string;
  subject: string;
  /** The plain-text part; every mail has one. */
  text: string;
  html?: string;
  attachments?: TMailAttachment[];
  /** Extra headers, e.g. List-Unsubscribe. Values may not contain line breaks. */
  headers?: Record<string, string>;
  link?: string;
  /**
   * Print the link whole in the log. Only for links nobody else can show the recipient (sign-up
   * confirmation, sign-in unlock): with the `log` transport the operator passes them on. Neither
   * is worth much alone: finishing a sign-up takes the password chosen with it, and an unlock only
   * lifts a lock.
   */
  revealLinkInLog?: boolean;
  /** Send through this server (an organization's own) instead of the install's transport. */
  smtp?: TSmtpSettings;
};

/** What the SMTP server said when it took the mail: for an outbox's delivery log. */
export type TSmtpAnswer = { messageId: string; accepted: string[]; rejected: string[]; response: string };

export type TMailResult =
  | { transport: "log" | "none"; sent: boolean }
  | ({ transport: "smtp"; sent: true } & TSmtpAnswer)
  | { transport: "smtp"; sent: false; failure: TSmtpFailure };

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
  if (mail.smtp) return sendSmtp(mail, mail.smtp, mail.smtp.from ?? from);
  if (transport === "none") return { transport, sent: false };
  if (transport === "smtp") {
    const settings = smtpSettingsFromEnv();
    if (settings) return sendSmtp(mail, settings, from);
    const message = "BUMPERS_MAIL_TRANSPORT is smtp, but neither SMTP_URL nor SMTP_HOST is set.";
    console.warn(`[mail] not sent: ${message}`);
    return { transport, sent: false, failure: { kind: "broken", message, code: null, response: null } };
  }
  console.info(formatMailLogLine(from, mail));
  return { transport, sent: true };
}

async function sendSmtp(mail: TMail, settings: TSmtpSettings, from: string): Promise<TMailResult> {
  for (const [name, value] of Object.entries(mail.headers ?? {})) {
    // A line break would let a value start headers of its own.
    if (/[\r\n]/.test(name + value)) throw new Error(`The mail header ${name} contains a line break.`);
  }
  const transport = createSmtpTransport(settings);
  const summary = `to=${JSON.stringify(mail.to)} subject=${JSON.stringify(mail.subject)}`;
  try {
    const info = await transport.sendMail({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      attachments: mail.attachments?.map((a) => ({
        filename: a.filename,
        content: a.content,
        contentType: a.contentType,
        ...(a.cid ? { cid: a.cid, contentDisposition: "inline" as const } : {}),
      })),
    });
    console.info(`[mail] sent ${summary} id=${JSON.stringify(info.messageId)}`);
    return {
      transport: "smtp",
      sent: true,
      messageId: info.messageId,
      accepted: info.accepted.map(String),
      rejected: info.rejected.map(String),
      response: info.response,
    };
  } catch (error) {
    const failure = classifySmtpError(error);
    console.warn(`[mail] not sent (${failure.kind}) ${summary} error=${JSON.stringify(failure.message)}`);
    return { transport: "smtp", sent: false, failure };
  } finally {
    transport.close();
  }
}

/** Connects and authenticates without sending anything: a settings form's "test" button. */
export async function verifySmtp(
  settings: TSmtpSettings,
): Promise<{ ok: true } | { ok: false; failure: TSmtpFailure }> {
  const transport = createSmtpTransport(settings);
  try {
    await transport.verify();
    return { ok: true };
  } catch (error) {
    return { ok: false, failure: classifySmtpError(error) };
  } finally {
    transport.close();
  }
}
