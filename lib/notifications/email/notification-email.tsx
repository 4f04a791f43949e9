import { Heading, Section, Text } from "@react-email/components";
import { SEVERITY_NAMES, type TSeverityLevel } from "@/lib/domain/severity";
import { ActionButton, EmailLayout, FactsTable } from "@/lib/server/email/layout";
import { scopeName, SeverityBadge } from "./parts";
import { renderEmail, type TRenderedEmail } from "@/lib/server/email/render-email";
import { styles } from "@/lib/server/email/styles";

// One notification: an alert, a budget threshold, a stale cluster. What happened, the facts that
// identify it, a few examples of what it covers, and the one link to act on it.

export type TNotificationEmailProps = {
  title: string;
  summary?: string;
  severity: TSeverityLevel;
  facts: ReadonlyArray<{ label: string; value: string }>;
  /** A few of the resources or findings it covers. */
  sample?: ReadonlyArray<string>;
  /** How many more than the sample there are. */
  moreCount?: number;
  link: string;
  linkText: string;
  orgName: string;
  teamName?: string;
  /** The footer's link: a page that asks before it unsubscribes. */
  unsubscribeUrl?: string;
  /** The List-Unsubscribe header's URL, which mail clients POST to (RFC 8058); else the footer's. */
  oneClickUnsubscribeUrl?: string;
};

export function NotificationEmail(props: TNotificationEmailProps) {
  const sample = props.sample ?? [];
  const more = props.moreCount ?? 0;
  return (
    <EmailLayout
      preview={props.summary ?? props.title}
      reason={`You get this mail because this address receives Bumpers notifications for ${scopeName(props.orgName, props.teamName)}.`}
      unsubscribeUrl={props.unsubscribeUrl}
    >
      <Section style={{ margin: "0 0 8px" }}>
        <SeverityBadge severity={props.severity} />
      </Section>
      <Heading as="h1" style={styles.heading}>
        {props.title}
      </Heading>
      {props.summary ? <Text style={styles.text}>{props.summary}</Text> : null}
      <FactsTable facts={props.facts} />
      {sample.length > 0 ? (
        <Section>
          <Text style={styles.subheading}>Affected</Text>
          <ul style={{ margin: "0 0 12px", paddingLeft: 20 }}>
            {sample.map((item, i) => (
              <li key={i} style={{ ...styles.text, margin: "0 0 4px" }}>
                <span style={styles.code}>{item}</span>
              </li>
            ))}
          </ul>
          {more > 0 ? <Text style={styles.muted}>and {more} more</Text> : null}
        </Section>
      ) : null}
      <ActionButton href={props.link}>{props.linkText}</ActionButton>
    </EmailLayout>
  );
}

export function renderNotificationEmail(props: TNotificationEmailProps): TRenderedEmail {
  return renderEmail(`[${SEVERITY_NAMES[props.severity]}] ${props.title}`, <NotificationEmail {...props} />, {
    unsubscribeUrl: props.unsubscribeUrl,
    oneClickUnsubscribeUrl: props.oneClickUnsubscribeUrl,
  });
}
