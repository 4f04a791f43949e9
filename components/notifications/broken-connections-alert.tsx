import type { TConnectionView } from "@/lib/notifications/connections/queries";
import { Alert } from "@/components/ui/alert";

/** The page's first line while any connection is broken: which ones, so nobody scrolls to find them. */
export function BrokenConnectionsAlert({ connections }: { connections: TConnectionView[] }) {
  const broken = connections.filter((c) => c.status === "broken");
  if (!broken.length) return null;
  return (
    <Alert tone="error">
      <span className="font-semibold">
        {broken.length === 1 ? "A connection is broken" : `${broken.length} connections are broken`}:
      </span>{" "}
      {broken.map((c) => (c.teamName ? `${c.name} (${c.teamName})` : c.name)).join(", ")}. Nothing is sent through{" "}
      {broken.length === 1 ? "it" : "them"} until someone replaces the token or URL and sends a test.
    </Alert>
  );
}
