import { PoliciesSkeleton } from "@/components/policies/policies-skeleton";

export default function ExemptionsLoading() {
  return <PoliciesSkeleton variant="table" />;
}
