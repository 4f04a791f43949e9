import "server-only";
import type { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";
import { randomSecret, sha256Hex } from "@/lib/server/crypto";
import { renderSignUpEmail, renderSignUpExistingEmail } from "@/lib/server/email/account-emails";
import { sendMail } from "@/lib/server/mail";
import { enforceRateLimit } from "@/lib/server/rate-limit";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { createOrganization } from "./create-organization";
import type { ZSignUp } from "./schemas";

// Sign-up proves the email address before anything exists, and answers the same whether or not
// the address already has an account, so the form cannot be used to find out who uses Bumpers:
// 1. the form (requestSignUp) stores the request and mails a single-use link to the address, or,
//    when the address already has an account, mails that account a notice instead; the person at
//    the form sees "check your email" either way;
// 2. the link (confirmSignUp), with the password chosen in step 1, creates the account and the
//    organization; the form then signs in with that password.
// Only the SHA-256 of the link's secret is stored. See docs/security.md.

export const SIGN_UP_LINK_TTL_HOURS = 24;
/** Wrong passwords allowed per link (each costs a bcrypt comparison). */
const CONFIRM_ATTEMPTS_PER_LINK = 10;

export type TSignUpContext = { clientIp: string | null; origin: string };

export const signUpLink = (origin: string, secret: string) => `${origin.replace(/\/+$/, "")}/signup/confirm/${secret}`;

async function limitSignUps(email: string, clientIp: string | null): Promise<void> {
  const e = env();
  if (clientIp) {
    await enforceRateLimit(
      `signup:ip:${clientIp}`,
      e.BUMPERS_RATE_LIMIT_SIGNUP_PER_HOUR,
      3600,
      "sign-ups from your address",
    );
  }
  const domain = email.slice(email.lastIndexOf("@") + 1);
  const domainLimit = e.BUMPERS_RATE_LIMIT_SIGNUP_DOMAIN_PER_HOUR;
  await enforceRateLimit(`signup:domain:${domain}`, domainLimit, 3600, `sign-ups with ${domain} addresses`);
  // Each request mails the address: a cap keeps the form from being used to flood someone's inbox.
  // It applies whether or not the address has an account, so it reveals nothing either.
  const emailLimit = e.BUMPERS_RATE_LIMIT_SIGNUP_EMAIL_PER_HOUR;
  await enforceRateLimit(`signup:email:${email}`, emailLimit, 3600, "sign-ups with this email address");
}

/**
 * Step 1: answers nothing about the address. Throws only for what does not depend on it: the
 * rate limits and a taken organization URL.
 */
export async function requestSignUp(input: z.infer<typeof ZSignUp>, context: TSignUpContext): Promise<void> {
  await limitSignUps(input.email, context.clientIp);
  const slugTaken = await db.organization.findUnique({ where: { slug: input.orgSlug }, select: { id: true } });
  if (slugTaken)
    throw new AppError("conflict", "That organization URL is taken; choose another.", { field: "orgSlug" });
  // Hashed before looking the address up, so both answers take as long.
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    const signInUrl = `${context.origin.replace(/\/+$/, "")}/login`;
    await sendMail({ to: input.email, ...renderSignUpExistingEmail({ email: input.email, signInUrl }) });
    return;
  }
  const secret = randomSecret();
  const now = new Date();
  // Expired requests are only clutter: they go whenever a new one arrives.
  await db.signUpRequest.deleteMany({ where: { expiresAt: { lte: now } } });
  await db.signUpRequest.create({
    data: {
      email: input.email,
      name: input.name,
      passwordHash,
      orgName: input.orgName,
      orgSlug: input.orgSlug,
      tokenHash: sha256Hex(secret),
      expiresAt: new Date(now.getTime() + SIGN_UP_LINK_TTL_HOURS * 3600 * 1000),
    },
  });
  const link = signUpLink(context.origin, secret);
  await sendMail({
    to: input.email,
    ...renderSignUpEmail({ orgName: input.orgName, link, ttlHours: SIGN_UP_LINK_TTL_HOURS }),
    link,
    revealLinkInLog: true,
  });
}

export type TSignUpLinkView = { status: "invalid" } | { status: "pending"; email: string; orgName: string };

/** What the link's page shows; an unknown, used or expired link is simply invalid. */
export async function getSignUpRequestForLink(secret: string): Promise<TSignUpLinkView> {
  const request = await db.signUpRequest.findUnique({
    where: { tokenHash: sha256Hex(secret) },
    select: { email: true, orgName: true, expiresAt: true },
  });
  if (!request || request.expiresAt.getTime() <= Date.now()) return { status: "invalid" };
  return { status: "pending", email: request.email, orgName: request.orgName };
}

const INVALID_LINK = "This sign-up link is not valid, was already used or has expired. Sign up again.";

/**
 * Step 2: the link's holder, with the password chosen in step 1, gets the account and the
 * organization. When the organization URL was taken in the meantime the account is still
 * created, without an organization (`orgSlug: null`): its owner picks another URL after signing in.
 */
export async function confirmSignUp(
  secret: string,
  password: string,
): Promise<{ email: string; orgSlug: string | null }> {
  const tokenHash = sha256Hex(secret);
  const request = await db.signUpRequest.findUnique({ where: { tokenHash } });
  if (!request || request.expiresAt.getTime() <= Date.now()) throw new AppError("not_found", INVALID_LINK);
  await enforceRateLimit(`signup:confirm:${request.id}`, CONFIRM_ATTEMPTS_PER_LINK, 3600, "attempts with this link");
  if (!(await verifyPassword(password, request.passwordHash))) {
    throw new AppError("bad_request", "That is not the password you chose when you signed up.", { field: "password" });
  }
  let user;
  try {
    user = await db.$transaction(async (tx) => {
      // Single use: the first confirmation takes the request; every other one for the address goes too.
      const taken = await tx.signUpRequest.deleteMany({ where: { id: request.id } });
      if (taken.count === 0) throw new AppError("not_found", INVALID_LINK);
      await tx.signUpRequest.deleteMany({ where: { email: request.email } });
      return tx.user.create({
        data: { email: request.email, name: request.name, passwordHash: request.passwordHash },
      });
    });
  } catch (err) {
    // The address got an account since (another link, an invitation): it has proven the mailbox.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("conflict", "An account with this email already exists. Sign in instead.");
    }
    throw err;
  }
  try {
    const org = await createOrganization(user.id, { slug: request.orgSlug, name: request.orgName });
    return { email: user.email, orgSlug: org.slug };
  } catch (err) {
    if (err instanceof AppError && err.code === "conflict") return { email: user.email, orgSlug: null };
    throw err;
  }
}
