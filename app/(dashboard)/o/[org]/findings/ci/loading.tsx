import { CiSkeleton } from "@/components/ci/ci-skeleton";

export default function CiLoading() {
  return <CiSkeleton />;
}
