// In a route group of its own, so this skeleton does not wrap a destination's page: there the
// layout answers another org's id with a real 404 status, which a streamed boundary would turn into 200.
import { AlertingSkeleton } from "@/components/alerting/alerting-skeleton";

export default function DestinationsLoading() {
  return <AlertingSkeleton variant="card" />;
}
