import { AlertingSkeleton } from "@/components/alerting/alerting-skeleton";

export default function DestinationLoading() {
  return <AlertingSkeleton variant="card" />;
}
