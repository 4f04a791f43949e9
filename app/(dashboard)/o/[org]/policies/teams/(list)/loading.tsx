import { PoliciesSkeleton } from "@/components/policies/policies-skeleton";

export default function TeamOverridesLoading() {
  return <PoliciesSkeleton variant="table" />;
}
