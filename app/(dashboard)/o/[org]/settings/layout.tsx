import { SettingsTabs } from "@/components/settings/settings-tabs";
import { sectionLayout } from "../section-layouts";

export default sectionLayout({
  title: "Settings",
  description: (orgName) => `Members, teams, clusters, tokens, integrations and the audit log of ${orgName}.`,
  Tabs: SettingsTabs,
  permission: "org:settings:manage",
  bodyClassName: "mt-6",
});
