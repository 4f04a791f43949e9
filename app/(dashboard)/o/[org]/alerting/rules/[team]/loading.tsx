import { AlertingSkeleton } from "@/components/alerting/alerting-skeleton";

export default function TeamRulesLoading() {
  return <AlertingSkeleton variant="rules" />;
}
