import { StatusPage } from "@/components/ui/status-page";

export default function Forbidden() {
  return (
    <main>
      <StatusPage code={403} title="You do not have permission to see this">
        Your role in this organization does not include this page. An org admin can change your role.
      </StatusPage>
    </main>
  );
}
