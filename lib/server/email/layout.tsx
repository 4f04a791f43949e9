import type { ReactNode } from "react";
import {
  Body,
  Button,
  Column,
  Container,
  Head,
  Hr,
  Html,
  Link,
  Preview,
  Row,
  Section,
  Text,
} from "@react-email/components";
import { styles } from "./styles";

// The frame every Bumpers mail shares (wordmark, content, footer saying why the mail came and how
// to stop it) and the small pieces the templates are built from. Account mails (./account-emails)
// and notifications (lib/notifications/email) both use it, so it sits with the mail transport.

/** Only web and mail links go into a mail; anything else (javascript:, data:) is dropped. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol } = new URL(url);
    return protocol === "https:" || protocol === "http:" || protocol === "mailto:" ? url : undefined;
  } catch {
    return undefined;
  }
}

export function EmailLayout(props: {
  /** The line mail clients show after the subject. */
  preview: string;
  /** Why this address gets this mail. */
  reason: string;
  unsubscribeUrl?: string;
  children: ReactNode;
}) {
  const unsubscribe = safeHref(props.unsubscribeUrl);
  return (
    <Html lang="en" dir="ltr">
      <Head />
      <Body style={styles.body}>
        {/* Inside <body>: content between </head> and <body> is invalid HTML (React DOM moves it there). */}
        <Preview>{props.preview}</Preview>
        <Container style={styles.container}>
          <Text style={styles.wordmark}>Bumpers</Text>
          {props.children}
          <Hr style={styles.hr} />
          <Text style={styles.footer}>{props.reason}</Text>
          {unsubscribe ? (
            <Text style={styles.footer}>
              Don&apos;t want these mails?{" "}
              <Link href={unsubscribe} style={styles.link}>
                Unsubscribe
              </Link>
              .
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

export function ActionButton({ href, children }: { href: string; children: ReactNode }) {
  const safe = safeHref(href);
  if (!safe) return null;
  return (
    <Section style={{ margin: "20px 0" }}>
      <Button href={safe} style={styles.button}>
        {children}
      </Button>
    </Section>
  );
}

/** Label and value rows, e.g. cluster, namespace, check. */
export function FactsTable({ facts }: { facts: ReadonlyArray<{ label: string; value: string }> }) {
  if (facts.length === 0) return null;
  return (
    <Section>
      {facts.map((fact, i) => (
        <Row key={i}>
          <Column style={{ ...styles.td, width: "35%", color: "#64748b" }}>{fact.label}</Column>
          <Column style={styles.td}>{fact.value}</Column>
        </Row>
      ))}
    </Section>
  );
}

/** A link when the URL is safe, the plain text otherwise. */
export function MaybeLink({ href, children }: { href?: string; children: ReactNode }) {
  const safe = safeHref(href);
  return safe ? (
    <Link href={safe} style={styles.link}>
      {children}
    </Link>
  ) : (
    <>{children}</>
  );
}
