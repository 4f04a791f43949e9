import { AlertingSkeleton } from "@/components/alerting/alerting-skeleton";

export default function BaselineLoading() {
  return <AlertingSkeleton variant="rules" />;
}
