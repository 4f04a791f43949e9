import { FindingDetailSkeleton } from "@/components/findings/findings-skeleton";

export default function FindingLoading() {
  return <FindingDetailSkeleton />;
}
