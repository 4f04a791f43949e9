import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { startFakeForFile } from "@/lib/testing/fake-for-file";
import { startFakeSmtp } from "./fake-smtp";

// The fake SMTP server that tests and the demo send to: it must take mail as a real server does,
// refuse when told to, and show what it got.

const fake = startFakeForFile(() => startFakeSmtp({ sizeLimit: 64 * 1024 }));

const transport = () => nodemailer.createTransport({ host: "127.0.0.1", port: fake.smtpPort, secure: false });
const send = (overrides: Record<string, unknown> = {}) =>
  transport().sendMail({ from: "a@bumpers.test", to: "b@acme.test", subject: "Hello", text: "Hi", ...overrides });

describe("fake SMTP server", () => {
  it("keeps each mail parsed, newest first, and finds them by recipient", async () => {
    await send({ subject: "First" });
    await send({ subject: "Second", to: "c@acme.test" });
    expect(fake.messages().map((m) => m.subject)).toEqual(["Second", "First"]);
    expect(fake.messages({ to: "b@acme.test" }).map((m) => m.subject)).toEqual(["First"]);
    const json = (await (await fetch(`${fake.inboxUrl}api/messages`)).json()) as {
      messages: Array<{ subject: string }>;
    };
    expect(json.messages.map((m) => m.subject)).toEqual(["Second", "First"]);
  });

  it("refuses on demand, through the API as well: 450 and 550 at RCPT TO, then accepts again", async () => {
    fake.failNext("450");
    await expect(send()).rejects.toMatchObject({ responseCode: 450 });
    const queued = await fetch(`${fake.inboxUrl}api/fail`, {
      method: "POST",
      body: JSON.stringify({ code: "550", count: 2 }),
    });
    expect(await queued.json()).toEqual({ queued: 2 });
    await expect(send()).rejects.toMatchObject({ responseCode: 550 });
    await expect(send()).rejects.toMatchObject({ responseCode: 550 });
    await send();
    expect(fake.messages()).toHaveLength(1);
    expect((await fetch(`${fake.inboxUrl}api/fail`, { method: "POST", body: '{"code":"999"}' })).status).toBe(400);
  });

  it("refuses a mail over its size limit with 552", async () => {
    await expect(send({ text: "x".repeat(100 * 1024) })).rejects.toMatchObject({ responseCode: 552 });
    expect(fake.messages()).toHaveLength(0);
  });

  it("requires its login when it has one", async () => {
    const locked = await startFakeSmtp({ auth: { user: "u", password: "p w" } });
    try {
      const to = { host: "127.0.0.1", port: locked.smtpPort, secure: false };
      const mail = { from: "a@bumpers.test", to: "b@acme.test", subject: "S", text: "T" };
      await expect(nodemailer.createTransport(to).sendMail(mail)).rejects.toMatchObject({ responseCode: 530 });
      await expect(
        nodemailer.createTransport({ ...to, auth: { user: "u", pass: "wrong" } }).sendMail(mail),
      ).rejects.toMatchObject({ responseCode: 535 });
      await nodemailer.createTransport({ ...to, auth: { user: "u", pass: "p w" } }).sendMail(mail);
      expect(locked.messages()[0].user).toBe("u");
      expect(locked.smtpUrl).toBe(`smtp://u:p%20w@127.0.0.1:${locked.smtpPort}`);
    } finally {
      await locked.close();
    }
  });

  it("shows the inbox without letting a mail's content run: escaped lists, a sandboxed frame with its own policy", async () => {
    await send({
      subject: "<script>alert(1)</script>",
      html: '<p onclick="x()">Hi <img src="cid:logo@x"> <img src="https://tracker.example/p.gif"></p>',
      attachments: [{ filename: "logo.png", content: Buffer.from("png"), contentType: "image/png", cid: "logo@x" }],
    });
    const [mail] = fake.messages();
    const list = await (await fetch(fake.inboxUrl)).text();
    expect(list).not.toContain("<script>alert(1)");
    expect(list).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(list).toContain(`href="/messages/${mail.id}"`);

    const page = await (await fetch(`${fake.inboxUrl}messages/${mail.id}`)).text();
    const frame = /<iframe[^>]*sandbox="([^"]*)"[^>]*srcdoc="([^"]*)"/.exec(page);
    expect(frame?.[1]).not.toContain("allow-scripts");
    expect(frame?.[1]).not.toContain("allow-same-origin");
    expect(frame?.[2]).toContain("Content-Security-Policy");
    expect(frame?.[2]).toContain(`/messages/${mail.id}/cid/logo%40x`);
    expect(page).not.toContain('<p onclick="x()">');

    const image = await fetch(`${fake.inboxUrl}messages/${mail.id}/cid/logo%40x`);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(await image.text()).toBe("png");
    expect((await fetch(`${fake.inboxUrl}messages/999`)).status).toBe(404);
  });

  it("forgets everything on reset", async () => {
    await send();
    fake.failNext("450");
    expect(await (await fetch(`${fake.inboxUrl}api/reset`, { method: "POST" })).json()).toEqual({ reset: true });
    expect(fake.messages()).toHaveLength(0);
    await send();
    expect(fake.messages()).toHaveLength(1);
  });
});
