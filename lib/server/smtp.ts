import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { env, type TEnv } from "./env";

// The SMTP side of lib/server/mail.ts: settings (from the environment for the whole install, or
// an organization's own server), nodemailer transports, and the classification of SMTP failures
// that an outbox needs: try again later, give up on this recipient, or stop until someone fixes
// the settings.

export type TSmtpSettings = {
  host: string;
  port: number;
  /** TLS from the first byte (usually port 465); otherwise a plain connection, upgraded with STARTTLS. */
  secure: boolean;
  /** On a plain connection: upgrade when the server offers it, refuse to send without it, or never. */
  startTls: "opportunistic" | "require" | "off";
  user?: string;
  password?: string;
  /** Sender for this server's mails; BUMPERS_MAIL_FROM when unset. */
  from?: string;
};

export type TSmtpFailureKind = "retry" | "rejected" | "broken";

export type TSmtpFailure = {
  /**
   * `retry`: the server or the network is busy or away (connection errors, 4xx answers);
   * `rejected`: the server refused this mail or recipient for good (5xx on RCPT TO or DATA);
   * `broken`: every mail will fail until the settings change (authentication, TLS, sender refused).
   */
  kind: TSmtpFailureKind;
  message: string;
  /** The SMTP reply code, when the server answered one. */
  code: number | null;
  /** The server's reply line, when there was one. */
  response: string | null;
};

const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** The install's SMTP server from SMTP_URL or SMTP_HOST & co.; null when neither is set. */
export function smtpSettingsFromEnv(e: TEnv = env()): TSmtpSettings | null {
  const startTls = e.SMTP_STARTTLS as TSmtpSettings["startTls"];
  if (e.SMTP_URL) {
    const url = new URL(e.SMTP_URL);
    const secure = url.protocol === "smtps:";
    return {
      host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      startTls,
      user: url.username ? decodeURIComponent(url.username) : e.SMTP_USER,
      password: url.password ? decodeURIComponent(url.password) : e.SMTP_PASSWORD,
    };
  }
  if (!e.SMTP_HOST) return null;
  return {
    host: e.SMTP_HOST,
    port: e.SMTP_PORT ?? (e.SMTP_SECURE ? 465 : 587),
    secure: e.SMTP_SECURE,
    startTls,
    user: e.SMTP_USER,
    password: e.SMTP_PASSWORD,
  };
}

/**
 * A transport for one SMTP server. No connection pool: each mail opens its own connection, so
 * nothing stays open between mails (digests and notices are few, and a script may exit at once).
 */
export function createSmtpTransport(settings: TSmtpSettings): Transporter<SMTPTransport.SentMessageInfo> {
  return nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    requireTLS: !settings.secure && settings.startTls === "require",
    ignoreTLS: !settings.secure && settings.startTls === "off",
    auth: settings.user ? { user: settings.user, pass: settings.password ?? "" } : undefined,
    ...TIMEOUTS,
    // nodemailer's own logger would print the AUTH exchange; keep it off.
    logger: false,
    debug: false,
  });
}

/** A one-line description of where mail goes, without the password. */
export function describeSmtp(settings: TSmtpSettings): string {
  const tls = settings.secure ? "TLS" : settings.startTls === "off" ? "plain" : `STARTTLS ${settings.startTls}`;
  return `${settings.user ? `${settings.user}@` : ""}${settings.host}:${settings.port} (${tls})`;
}

type TNodemailerError = Error & { code?: string; responseCode?: number; response?: string; command?: string };

const TLS_TROUBLE = /\b(ssl|tls|certificate|cert_|self[- ]signed|wrong version number)\b/i;

/** Which of retry / rejected / broken an SMTP error is; see TSmtpFailure. */
export function classifySmtpError(error: unknown): TSmtpFailure {
  const err = (error instanceof Error ? error : new Error(String(error))) as TNodemailerError;
  const code = typeof err.responseCode === "number" ? err.responseCode : null;
  const response = typeof err.response === "string" ? err.response.slice(0, 500) : null;
  const failure = (kind: TSmtpFailureKind): TSmtpFailure => ({
    kind,
    message: err.message.trim().slice(0, 500),
    code,
    response,
  });
  const command = err.command ?? "";
  if (err.code === "EAUTH" || code === 530 || code === 534 || code === 535 || code === 538) return failure("broken");
  if (err.code === "ETLS" || err.code === "EREQUIRETLS") return failure("broken");
  if (err.code === "ESOCKET" && TLS_TROUBLE.test(err.message)) return failure("broken");
  if (code !== null && code >= 400 && code < 500) return failure("retry");
  if (code !== null && code >= 500) {
    // A refused sender (MAIL FROM) refuses every mail: the From address does not belong to the account.
    return failure(command === "MAIL FROM" ? "broken" : "rejected");
  }
  // No recipient or an invalid address: sending it again changes nothing.
  if (err.code === "EENVELOPE" || err.code === "EMESSAGE") return failure("rejected");
  // Connection refused, DNS, timeouts, a dropped connection: the server may be back later.
  return failure("retry");
}
