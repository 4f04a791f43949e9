import { PoliciesTabs } from "@/components/policies/policies-tabs";
import { sectionLayout } from "../section-layouts";

export default sectionLayout({
  title: "Policies",
  description:
    "Which checks run on your workloads, which of them block at admission and in CI, the exceptions, and what the admission webhook decided.",
  Tabs: PoliciesTabs,
});
