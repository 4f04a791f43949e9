import type { ReactNode } from "react";
import { loadFindingPage } from "@/lib/findings/finding-page";

// The access check runs here, outside the page's loading boundary: once the skeleton has streamed
// the status is already 200, so a finding the user may not see must fail before that to be a real 404.
export default async function FindingLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  await loadFindingPage(org, id);
  return children;
}
