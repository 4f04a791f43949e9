import { AlertingTabs } from "@/components/alerting/alerting-tabs";
import { sectionLayout } from "../section-layouts";

export default sectionLayout({
  title: "Alerting",
  description:
    "PagerDuty routing: a baseline for every team, each team's rules on top, one incident per problem, resolved when it is fixed.",
  Tabs: AlertingTabs,
});
