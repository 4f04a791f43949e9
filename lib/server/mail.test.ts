import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "./env";
import { formatMailLogLine, sendMail } from "./mail";

const SECRET = "Zq8dW3kP0vR7xY2mN5bT9cH4jL6fA1sE8gU3iO0pQ7w";
const mail = { to: "ada@example.com", subject: "Join Acme", text: "Hello", link: `https://b.test/invite/${SECRET}` };

afterEach(() => {
  delete process.env.BUMPERS_MAIL_TRANSPORT;
  resetEnvCache();
  vi.restoreAllMocks();
});

describe("mail adapter", () => {
  it("writes one log line with recipient, subject and the link without its secret with the log transport", async () => {
    process.env.BUMPERS_MAIL_TRANSPORT = "log";
    resetEnvCache();
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    expect(await sendMail(mail)).toEqual({ transport: "log", sent: true });
    expect(info).toHaveBeenCalledTimes(1);
    const line = String(info.mock.calls[0][0]);
    expect(line).not.toContain("\n");
    expect(line).toContain('to="ada@example.com"');
    expect(line).toContain('subject="Join Acme"');
    expect(line).toContain('link="https://b.test/invite/Zq8d…"');
    expect(line).not.toContain(SECRET.slice(4));
  });

  it("does nothing with the none transport", async () => {
    process.env.BUMPERS_MAIL_TRANSPORT = "none";
    resetEnvCache();
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    expect(await sendMail(mail)).toEqual({ transport: "none", sent: false });
    expect(info).not.toHaveBeenCalled();
  });

  it("prints a link whole only when the mail asks for it (the operator passes it on)", () => {
    const line = formatMailLogLine("Bumpers <x@y>", { ...mail, revealLinkInLog: true });
    expect(line).toContain(`link="https://b.test/invite/${SECRET}"`);
    expect(formatMailLogLine("Bumpers <x@y>", mail)).not.toContain(SECRET);
  });

  it("cannot be made to forge extra log lines", () => {
    const line = formatMailLogLine("Bumpers <x@y>", { ...mail, subject: "Hi\n[mail] to=evil" });
    expect(line.split("\n")).toHaveLength(1);
  });
});
