import type { ReactNode } from "react";
import { Heading, Link, Text } from "@react-email/components";
import { ActionButton, EmailLayout, safeHref } from "./layout";
import { renderEmail, type TRenderedEmail } from "./render-email";
import { styles } from "./styles";

// The mails about a person's own account: an invitation, the sign-up confirmation (and the notice
// to an address that already has an account), the sign-in unlock link. No unsubscribe link: each
// answers something the person (or someone using their address) just did.

function AccountEmail(props: { preview: string; heading: string; reason: string; children: ReactNode }) {
  return (
    <EmailLayout preview={props.preview} reason={props.reason}>
      <Heading as="h1" style={styles.heading}>
        {props.heading}
      </Heading>
      {props.children}
    </EmailLayout>
  );
}

/** The button's link written out, for clients that hide buttons and for copying. */
function LinkFallback({ href }: { href: string }) {
  const safe = safeHref(href);
  if (!safe) return null;
  return (
    <Text style={styles.muted}>
      Or open this link:{" "}
      <Link href={safe} style={styles.link}>
        {safe}
      </Link>
    </Text>
  );
}

export type TInvitationEmailProps = {
  inviterName: string;
  inviterEmail: string;
  orgName: string;
  /** "admin", "member", …, as the UI names the role. */
  roleLabel: string;
  teamName?: string;
  link: string;
  expiresAt: Date;
};

export function InvitationEmail(props: TInvitationEmailProps) {
  return (
    <AccountEmail
      preview={`${props.inviterName} invited you to ${props.orgName} on Bumpers`}
      heading={`Join ${props.orgName} on Bumpers`}
      reason={`You get this mail because ${props.inviterName} (${props.inviterEmail}) invited this address. If you did not expect it, ignore it: nothing happens until the link is opened.`}
    >
      <Text style={styles.text}>
        {props.inviterName} ({props.inviterEmail}) invited you to join {props.orgName} on Bumpers as{" "}
        {props.roleLabel.toLowerCase()}
        {props.teamName ? `, on the ${props.teamName} team` : ""}.
      </Text>
      <ActionButton href={props.link}>Accept the invitation</ActionButton>
      <LinkFallback href={props.link} />
      <Text style={styles.muted}>The link expires on {props.expiresAt.toUTCString()}.</Text>
    </AccountEmail>
  );
}

export function renderInvitationEmail(props: TInvitationEmailProps): TRenderedEmail {
  return renderEmail(`${props.inviterName} invited you to ${props.orgName} on Bumpers`, <InvitationEmail {...props} />);
}

export type TSignUpEmailProps = { orgName: string; link: string; ttlHours: number };

export function SignUpEmail(props: TSignUpEmailProps) {
  return (
    <AccountEmail
      preview={`Confirm your email address to create ${props.orgName}`}
      heading={`Finish creating ${props.orgName}`}
      reason="You get this mail because this address was entered on the Bumpers sign-up form. If you did not sign up, ignore it: nothing was created."
    >
      <Text style={styles.text}>
        Open this link to confirm your email address and create {props.orgName} on Bumpers. It works once and expires in{" "}
        {props.ttlHours} hours.
      </Text>
      <ActionButton href={props.link}>Confirm and create {props.orgName}</ActionButton>
      <LinkFallback href={props.link} />
    </AccountEmail>
  );
}

export function renderSignUpEmail(props: TSignUpEmailProps): TRenderedEmail {
  return renderEmail(`Finish creating ${props.orgName} on Bumpers`, <SignUpEmail {...props} />);
}

export type TSignUpExistingEmailProps = { email: string; signInUrl: string };

export function SignUpExistingEmail(props: TSignUpExistingEmailProps) {
  return (
    <AccountEmail
      preview="You already have a Bumpers account"
      heading="You already have an account"
      reason="You get this mail because this address was entered on the Bumpers sign-up form. If it was not you, you can ignore it."
    >
      <Text style={styles.text}>
        Someone, maybe you, tried to create a new Bumpers account with {props.email}. You already have one, so nothing
        was created or changed.
      </Text>
      <ActionButton href={props.signInUrl}>Sign in</ActionButton>
    </AccountEmail>
  );
}

export function renderSignUpExistingEmail(props: TSignUpExistingEmailProps): TRenderedEmail {
  return renderEmail("Someone tried to sign up for Bumpers with your address", <SignUpExistingEmail {...props} />);
}

export type TUnlockEmailProps = { link: string; lockedUntil: Date };

export function UnlockEmail(props: TUnlockEmailProps) {
  return (
    <AccountEmail
      preview="Too many failed sign-ins: sign-ins to your account are paused"
      heading="Sign-ins to your account are paused"
      reason="You get this mail because there were too many failed sign-ins to the Bumpers account of this address."
    >
      <Text style={styles.text}>
        There were too many failed sign-ins to your Bumpers account, from one or more places, so we paused sign-ins to
        it until {props.lockedUntil.toUTCString()}. None of them got in.
      </Text>
      <Text style={styles.text}>If you want to sign in before then, open this link once:</Text>
      <ActionButton href={props.link}>Lift the pause</ActionButton>
      <LinkFallback href={props.link} />
      <Text style={styles.text}>
        If the failed attempts were not yours, someone is guessing your password: choose a long, unique one.
      </Text>
    </AccountEmail>
  );
}

export function renderUnlockEmail(props: TUnlockEmailProps): TRenderedEmail {
  return renderEmail("Sign-ins to your Bumpers account are paused", <UnlockEmail {...props} />);
}
