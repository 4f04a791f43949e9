import { describe, expect, it } from "vitest";
import {
  renderInvitationEmail,
  renderSignUpEmail,
  renderSignUpExistingEmail,
  renderUnlockEmail,
} from "./account-emails";

const LINK = "https://bumpers.test/invite/Zq8dW3kP0vR7xY2mN5bT9cH4jL6fA1sE8gU3iO0pQ7w";

describe("account mails", () => {
  it("invitation: who invites to what, the link in the button and written out, the expiry; user data escaped", () => {
    const mail = renderInvitationEmail({
      inviterName: "Ada <img src=x onerror=alert(1)>",
      inviterEmail: "ada@acme.test",
      orgName: "Acme & Sons",
      roleLabel: "Admin",
      teamName: "Payments",
      link: LINK,
      expiresAt: new Date("2026-03-09T10:00:00Z"),
    });
    expect(mail.subject).toBe("Ada <img src=x onerror=alert(1)> invited you to Acme & Sons on Bumpers");
    expect(mail.html).not.toContain("<img src=x");
    expect(mail.html).toContain("Ada &lt;img src=x onerror=alert(1)&gt;");
    expect(mail.html).toContain("Acme &amp; Sons");
    expect(mail.html.match(new RegExp(`href="${LINK}"`, "g"))).toHaveLength(2);
    expect(mail.text).toContain("invited you to join Acme & Sons on Bumpers as admin, on the Payments team.");
    expect(mail.text).toContain(`Accept the invitation ${LINK}`);
    expect(mail.text).toContain("expires on Mon, 09 Mar 2026 10:00:00 GMT");
    expect(mail.headers).toBeUndefined();
    expect(mail.attachments).toBeUndefined();
  });

  it("sign-up: the confirmation link with its lifetime; the notice to an existing account links to sign-in", () => {
    const confirm = renderSignUpEmail({ orgName: "Example", link: LINK, ttlHours: 24 });
    expect(confirm.subject).toBe("Finish creating Example on Bumpers");
    expect(confirm.text).toContain(`Confirm and create Example ${LINK}`);
    expect(confirm.text).toContain("expires in 24 hours");

    const existing = renderSignUpExistingEmail({ email: "sam@example.test", signInUrl: "https://bumpers.test/login" });
    expect(existing.subject).toBe("Someone tried to sign up for Bumpers with your address");
    expect(existing.text).toContain("with sam@example.test. You already have one");
    expect(existing.html).toContain('href="https://bumpers.test/login"');
  });

  it("unlock: when the pause ends and the single-use link", () => {
    const mail = renderUnlockEmail({ link: LINK, lockedUntil: new Date("2026-03-09T11:00:00Z") });
    expect(mail.subject).toBe("Sign-ins to your Bumpers account are paused");
    expect(mail.text).toContain("until Mon, 09 Mar 2026 11:00:00 GMT");
    expect(mail.text).toContain(`Lift the pause ${LINK}`);
  });

  it("drops a link that is not http(s) instead of putting it in a button", () => {
    const mail = renderSignUpEmail({ orgName: "Example", link: "javascript:alert(1)", ttlHours: 24 });
    expect(mail.html).not.toContain("javascript:");
    expect(mail.html).not.toContain("Confirm and create");
  });
});
