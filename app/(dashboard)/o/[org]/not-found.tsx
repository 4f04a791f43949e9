import { StatusPage } from "@/components/ui/status-page";

// Inside an organization the page keeps its sidebar; a team or item the user cannot see is
// indistinguishable from one that does not exist.
export default function OrgNotFound() {
  return (
    <StatusPage code={404} title="Page not found">
      It does not exist, or it belongs to a team you are not on. Ask a team admin to add you if you need it.
    </StatusPage>
  );
}
