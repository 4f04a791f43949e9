import { PoliciesSkeleton } from "@/components/policies/policies-skeleton";

export default function PolicyChecksLoading() {
  return <PoliciesSkeleton />;
}
