import { OverviewSkeleton } from "@/components/overview/overview-skeleton";

export default function TeamHomeLoading() {
  return <OverviewSkeleton />;
}
