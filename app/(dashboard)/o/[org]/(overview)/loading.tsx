// In its own route group so this skeleton shows for the overview only, not for every page under the org.
import { OverviewSkeleton } from "@/components/overview/overview-skeleton";

export default function OverviewLoading() {
  return <OverviewSkeleton />;
}
