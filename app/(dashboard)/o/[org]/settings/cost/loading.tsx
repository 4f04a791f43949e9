import { CostSkeleton } from "@/components/cost/cost-skeleton";

// Inside the settings layout: its header and tabs stay; only the form area loads.
export default function Loading() {
  return <CostSkeleton variant="form" />;
}
