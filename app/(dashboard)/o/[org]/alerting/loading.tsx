import { AlertingSkeleton } from "@/components/alerting/alerting-skeleton";

export default function AlertingLoading() {
  return <AlertingSkeleton />;
}
