import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startFakeSmtp, type TFakeSmtp } from "@/lib/testing/fake-smtp";
import { resetEnvCache } from "./env";
import { listUnsubscribeHeaders } from "./email/render-email";
import { sendMail, verifySmtp, type TSmtpSettings } from "./mail";
import { smtpSettingsFromEnv } from "./smtp";

// The SMTP transport against a real SMTP server (the fake), each mail parsed back.

const PASSWORD = "s3cret-Pa55word";
let open: TFakeSmtp;
let authed: TFakeSmtp;

beforeAll(async () => {
  open = await startFakeSmtp();
  authed = await startFakeSmtp({ auth: { user: "bumpers", password: PASSWORD } });
});
afterAll(async () => {
  await open.close();
  await authed.close();
});

const ENV_KEYS = ["BUMPERS_MAIL_TRANSPORT", "BUMPERS_MAIL_FROM", "SMTP_URL", "SMTP_HOST", "SMTP_PORT", "SMTP_STARTTLS"];
afterEach(() => {
  for (const key of ENV_KEYS) delete process.env[key];
  resetEnvCache();
  open.reset();
  authed.reset();
  vi.restoreAllMocks();
});

function useEnv(vars: Record<string, string>) {
  Object.assign(process.env, vars);
  resetEnvCache();
}

const settingsOf = (fake: TFakeSmtp, overrides: Partial<TSmtpSettings> = {}): TSmtpSettings => ({
  host: "127.0.0.1",
  port: fake.smtpPort,
  secure: false,
  startTls: "opportunistic",
  ...overrides,
});

const quiet = () => {
  const info = vi.spyOn(console, "info").mockImplementation(() => {});
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  return () => [...info.mock.calls, ...warn.mock.calls].map((c) => String(c[0]));
};

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("the SMTP transport", () => {
  it("sends text, HTML, an inline image and List-Unsubscribe through SMTP_URL, and returns the server's answer", async () => {
    useEnv({
      BUMPERS_MAIL_TRANSPORT: "smtp",
      SMTP_URL: open.smtpUrl,
      BUMPERS_MAIL_FROM: "Bumpers <alerts@bumpers.test>",
    });
    const logs = quiet();
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const result = await sendMail({
      to: "ada@example.com",
      subject: "Weekly digest: 3 new findings",
      text: "Plain words",
      html: '<p>Rich <img src="cid:chart-1" alt="chart"></p>',
      attachments: [{ filename: "chart.png", content: png, contentType: "image/png", cid: "chart-1" }],
      headers: listUnsubscribeHeaders("https://bumpers.test/unsubscribe/abc"),
    });

    expect(result).toMatchObject({ transport: "smtp", sent: true, accepted: ["ada@example.com"], rejected: [] });
    if (!result.sent || result.transport !== "smtp") throw new Error("not sent");
    expect(result.messageId).toMatch(/^<.+@.+>$/);
    expect(result.response).toMatch(/^250 .*queued as \d+/);

    const [mail] = open.messages();
    expect(mail.envelope).toEqual({ from: "alerts@bumpers.test", to: ["ada@example.com"] });
    expect(mail.from).toBe('"Bumpers" <alerts@bumpers.test>');
    expect(mail.subject).toBe("Weekly digest: 3 new findings");
    expect(mail.text.trim()).toBe("Plain words");
    expect(mail.html).toContain('src="cid:chart-1"');
    expect(mail.headers["list-unsubscribe"]).toBe("<https://bumpers.test/unsubscribe/abc>");
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.attachments).toEqual([
      expect.objectContaining({ cid: "chart-1", contentType: "image/png", inline: true, size: png.length }),
    ]);
    expect(mail.attachments[0].content.equals(png)).toBe(true);
    expect(logs().join("\n")).toContain('[mail] sent to="ada@example.com"');
  });

  it("sends through a mail's own server with its login and sender, whatever the install's transport", async () => {
    useEnv({ BUMPERS_MAIL_TRANSPORT: "none" });
    const logs = quiet();
    const smtp = settingsOf(authed, { user: "bumpers", password: PASSWORD, from: "Acme <noc@acme.test>" });
    const result = await sendMail({ to: "bob@example.com", subject: "Hi", text: "Hello", smtp });
    expect(result).toMatchObject({ transport: "smtp", sent: true });
    expect(authed.messages()[0]).toMatchObject({ user: "bumpers", from: '"Acme" <noc@acme.test>' });
    expect(logs().join("\n")).not.toContain(PASSWORD);
  });

  it("classifies refusals: 4xx is retried, 5xx for a recipient is rejected, failed authentication is broken", async () => {
    const logs = quiet();
    const smtp = settingsOf(authed, { user: "bumpers", password: PASSWORD });
    const mail = { to: "c@example.com", subject: "S", text: "T", smtp };

    authed.failNext("450");
    expect(await sendMail(mail)).toMatchObject({ sent: false, failure: { kind: "retry", code: 450 } });
    authed.failNext("550");
    expect(await sendMail(mail)).toMatchObject({ sent: false, failure: { kind: "rejected", code: 550 } });
    authed.failNext("535");
    expect(await sendMail(mail)).toMatchObject({ sent: false, failure: { kind: "broken", code: 535 } });
    expect(await sendMail({ ...mail, smtp: { ...smtp, password: "wrong" } })).toMatchObject({
      sent: false,
      failure: { kind: "broken", code: 535 },
    });
    expect(authed.messages()).toHaveLength(0);

    expect(await sendMail(mail)).toMatchObject({ sent: true });
    expect(authed.messages()).toHaveLength(1);
    expect(logs().join("\n")).not.toContain(PASSWORD);
  });

  it("retries when nothing answers, and is broken when the server cannot give the TLS asked for", async () => {
    quiet();
    const mail = { to: "d@example.com", subject: "S", text: "T" };
    const refused = await sendMail({ ...mail, smtp: { ...settingsOf(open), port: await closedPort() } });
    expect(refused).toMatchObject({ sent: false, failure: { kind: "retry", code: null } });

    const noTls = await sendMail({ ...mail, smtp: settingsOf(open, { startTls: "require" }) });
    expect(noTls).toMatchObject({ sent: false, failure: { kind: "broken" } });
    const tlsOnPlain = await sendMail({ ...mail, smtp: settingsOf(open, { secure: true }) });
    expect(tlsOnPlain).toMatchObject({
      sent: false,
      failure: { kind: "broken", message: expect.stringMatching(/ssl/i) },
    });
    expect(open.messages()).toHaveLength(0);
  });

  it("reports a missing server as broken instead of throwing, and refuses headers with line breaks", async () => {
    useEnv({ BUMPERS_MAIL_TRANSPORT: "smtp" });
    quiet();
    expect(await sendMail({ to: "e@example.com", subject: "S", text: "T" })).toMatchObject({
      transport: "smtp",
      sent: false,
      failure: { kind: "broken", message: expect.stringContaining("SMTP_URL") },
    });
    await expect(
      sendMail({
        to: "e@example.com",
        subject: "S",
        text: "T",
        headers: { "X-A": "1\r\nBcc: x@evil.test" },
        smtp: settingsOf(open),
      }),
    ).rejects.toThrow(/line break/);
  });

  it("keeps a subject with line breaks on one header line", async () => {
    quiet();
    await sendMail({ to: "f@example.com", subject: "Hi\r\nBcc: eve@evil.test", text: "T", smtp: settingsOf(open) });
    const [mail] = open.messages();
    expect(mail.envelope.to).toEqual(["f@example.com"]);
    expect(mail.headers.bcc).toBeUndefined();
  });

  it("verifies a server's settings without sending", async () => {
    expect(await verifySmtp(settingsOf(authed, { user: "bumpers", password: PASSWORD }))).toEqual({ ok: true });
    expect(await verifySmtp(settingsOf(authed, { user: "bumpers", password: "nope" }))).toMatchObject({
      ok: false,
      failure: { kind: "broken", code: 535 },
    });
    expect(authed.messages()).toHaveLength(0);
  });
});

describe("SMTP settings from the environment", () => {
  it("reads SMTP_URL with an encoded login, and implicit TLS for smtps://", () => {
    useEnv({ SMTP_URL: "smtps://ops%40acme.test:p%3Ass@mail.acme.test" });
    expect(smtpSettingsFromEnv()).toEqual({
      host: "mail.acme.test",
      port: 465,
      secure: true,
      startTls: "opportunistic",
      user: "ops@acme.test",
      password: "p:ss",
    });
  });

  it("reads the server by parts, with STARTTLS required, and nothing when no host is set", () => {
    expect(smtpSettingsFromEnv()).toBeNull();
    useEnv({ SMTP_HOST: "mail.example.com", SMTP_STARTTLS: "require" });
    expect(smtpSettingsFromEnv()).toMatchObject({
      host: "mail.example.com",
      port: 587,
      secure: false,
      startTls: "require",
    });
  });

  it("refuses an SMTP_URL of another scheme", () => {
    useEnv({ SMTP_URL: "http://mail.example.com" });
    expect(() => smtpSettingsFromEnv()).toThrow(/smtp:\/\/ or smtps:\/\//);
  });
});
