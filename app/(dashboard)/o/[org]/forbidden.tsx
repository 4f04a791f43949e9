import { StatusPage } from "@/components/ui/status-page";

export default function OrgForbidden() {
  return (
    <StatusPage code={403} title="You do not have permission to see this">
      Your role does not include this page. An org admin can change your role.
    </StatusPage>
  );
}
