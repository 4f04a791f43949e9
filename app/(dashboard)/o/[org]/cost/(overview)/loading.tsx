import { CostSkeleton } from "@/components/cost/cost-skeleton";

export default function Loading() {
  return <CostSkeleton variant="overview" />;
}
