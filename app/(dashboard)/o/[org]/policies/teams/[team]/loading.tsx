import { PoliciesSkeleton } from "@/components/policies/policies-skeleton";

export default function TeamPolicyLoading() {
  return <PoliciesSkeleton />;
}
