import { Alert } from "@/components/ui/alert";

/** Shown on every page of an org that enforces SSO to an owner who came in with a password. */
export function BreakGlassBanner({ orgName }: { orgName: string }) {
  return (
    <Alert tone="warning" className="mb-6">
      <strong className="font-semibold">Break-glass sign-in.</strong> You signed in with a password while single sign-on
      is enforced for {orgName}. Use this only to repair SSO.
    </Alert>
  );
}
