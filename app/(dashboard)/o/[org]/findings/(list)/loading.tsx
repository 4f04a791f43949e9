import { FindingsListSkeleton } from "@/components/findings/findings-skeleton";

// Also shown while the findings area's other tabs load: they share the header, tabs and a table.
export default function FindingsLoading() {
  return <FindingsListSkeleton />;
}
