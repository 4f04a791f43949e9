import { describe, expect, it } from "vitest";
import { authorizeCredentials } from "./authorize-credentials";
import { hashPassword } from "./passwords";
import { SignInThrottledError } from "./sign-in-throttle";
import { createTestUser, uniqueSuffix } from "@/lib/testing/factories";

const PASSWORD = "correct horse battery";

async function userWithPassword() {
  return createTestUser({ passwordHash: await hashPassword(PASSWORD) });
}

describe("email and password sign-in", () => {
  it("accepts the right pair, case-insensitively on the email", async () => {
    const user = await userWithPassword();
    const result = await authorizeCredentials({ email: user.email.toUpperCase(), password: PASSWORD }, null);
    expect(result).toEqual({ id: user.id, email: user.email, name: user.name });
  });

  it("refuses a wrong password, an unknown email and malformed input without saying which", async () => {
    const user = await userWithPassword();
    expect(await authorizeCredentials({ email: user.email, password: "wrong password" }, null)).toBeNull();
    expect(
      await authorizeCredentials({ email: `nobody-${uniqueSuffix()}@test.example`, password: PASSWORD }, null),
    ).toBeNull();
    expect(await authorizeCredentials({ email: "not an email", password: PASSWORD }, null)).toBeNull();
    expect(await authorizeCredentials(undefined, null)).toBeNull();
  });

  it("throttles an account after 5 failures, even with the right password, with a clear message", async () => {
    const user = await userWithPassword();
    for (let i = 0; i < 5; i++) {
      expect(await authorizeCredentials({ email: user.email, password: `wrong-${i}` }, null)).toBeNull();
    }
    const attempt = authorizeCredentials({ email: user.email, password: PASSWORD }, null);
    await expect(attempt).rejects.toBeInstanceOf(SignInThrottledError);
    await expect(authorizeCredentials({ email: user.email, password: PASSWORD }, null)).rejects.toThrow(
      /Too many failed sign-ins\. Try again in \d+ minutes?\./,
    );
  });

  it("resets the count after a successful sign-in", async () => {
    const user = await userWithPassword();
    for (let i = 0; i < 4; i++) await authorizeCredentials({ email: user.email, password: "nope-nope" }, null);
    expect(await authorizeCredentials({ email: user.email, password: PASSWORD }, null)).not.toBeNull();
    for (let i = 0; i < 4; i++) await authorizeCredentials({ email: user.email, password: "nope-nope" }, null);
    expect(await authorizeCredentials({ email: user.email, password: PASSWORD }, null)).not.toBeNull();
  });

  it("throttles one client address spraying many accounts", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}-${uniqueSuffix()}`;
    for (let i = 0; i < 20; i++) {
      await authorizeCredentials({ email: `spray-${uniqueSuffix()}@test.example`, password: "guess-guess" }, ip);
    }
    const user = await userWithPassword();
    await expect(authorizeCredentials({ email: user.email, password: PASSWORD }, ip)).rejects.toBeInstanceOf(
      SignInThrottledError,
    );
    expect(await authorizeCredentials({ email: user.email, password: PASSWORD }, "203.0.113.9")).not.toBeNull();
  });
});
