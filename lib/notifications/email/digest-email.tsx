import { Heading, Text } from "@react-email/components";
import { digestCharts, type TChartImage } from "../charts/digest-charts";
import { isAllClear, totalOf, type TDigestEmailProps } from "./digest-model";
import {
  BudgetsSection,
  CostSection,
  FindingsSection,
  StaleClustersSection,
  TopFixesSection,
  type TChartRef,
} from "./digest-sections";
import { ActionButton, EmailLayout } from "@/lib/server/email/layout";
import { scopeName } from "./parts";
import { renderEmail, type TRenderedEmail } from "@/lib/server/email/render-email";
import { styles } from "@/lib/server/email/styles";

// The daily or weekly digest of a team or an organization: what changed in its findings, what to
// fix first, what it cost, budgets and silent clusters; "all clear" when nothing needs anyone.

export type TDigestCharts = { findings?: TChartRef | null; cost?: TChartRef | null };

const CADENCE = { daily: "Daily", weekly: "Weekly" } as const;

export function DigestEmail({ digest, charts = {} }: { digest: TDigestEmailProps; charts?: TDigestCharts }) {
  const scope = scopeName(digest.orgName, digest.teamName);
  const allClear = isAllClear(digest);
  const newCount = totalOf(digest.severities, "new");
  const fixedCount = totalOf(digest.severities, "fixed");
  const headline = allClear ? "All clear" : `${newCount} new, ${fixedCount} fixed`;
  return (
    <EmailLayout
      preview={`${CADENCE[digest.cadence]} digest for ${scope}: ${allClear ? "all clear" : headline}`}
      reason={`You get this mail because this address receives the ${digest.cadence} Bumpers digest for ${scope}.`}
      unsubscribeUrl={digest.unsubscribeUrl}
    >
      <Heading as="h1" style={styles.heading}>
        {headline}
      </Heading>
      <Text style={styles.muted}>
        {CADENCE[digest.cadence]} digest for {scope}, {digest.periodLabel}
      </Text>
      {allClear ? (
        <Text style={styles.text}>
          Nothing new was found, no budget is near its limit and every cluster is reporting. Nothing needs you{" "}
          {digest.cadence === "daily" ? "today" : "this week"}.
        </Text>
      ) : null}
      <FindingsSection digest={digest} chart={charts.findings} />
      <TopFixesSection digest={digest} />
      <CostSection digest={digest} chart={charts.cost} />
      <BudgetsSection digest={digest} />
      <StaleClustersSection digest={digest} />
      <ActionButton href={digest.link}>Open Bumpers</ActionButton>
    </EmailLayout>
  );
}

const chartRef = (image: TChartImage | null): TChartRef | null =>
  image && { cid: image.cid, alt: image.alt, width: image.width, height: image.height };

/** The digest mail with its charts rendered to PNG and attached inline. */
export function renderDigestEmail(digest: TDigestEmailProps): TRenderedEmail {
  const images = digestCharts(digest);
  const scope = scopeName(digest.orgName, digest.teamName);
  const summary = isAllClear(digest)
    ? "all clear"
    : `${totalOf(digest.severities, "new")} new, ${totalOf(digest.severities, "fixed")} fixed findings`;
  const attachments = [images.findings, images.cost]
    .filter((image): image is TChartImage => image !== null)
    .map((image) => ({
      filename: `${image.cid.split("@")[0]}.png`,
      content: image.png,
      contentType: "image/png",
      cid: image.cid,
    }));
  return renderEmail(
    `${scope} ${digest.cadence} digest: ${summary}`,
    <DigestEmail digest={digest} charts={{ findings: chartRef(images.findings), cost: chartRef(images.cost) }} />,
    { unsubscribeUrl: digest.unsubscribeUrl, oneClickUnsubscribeUrl: digest.oneClickUnsubscribeUrl, attachments },
  );
}
