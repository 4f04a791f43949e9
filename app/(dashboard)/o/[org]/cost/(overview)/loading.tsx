import { CostSkeleton } from "@/components/cost/cost-skeleton";

// In a route group of its own, so this boundary covers only the overview: the team pages' layout
// guard must answer before any streaming starts, for a real 404 status.
export default function Loading() {
  return <CostSkeleton variant="overview" />;
}
