import { StatusPage } from "@/components/ui/status-page";

export default function NotFound() {
  return (
    <main>
      <StatusPage code={404} title="Page not found">
        It does not exist, or you do not have access to it. Check the address or ask an admin of the organization to
        invite you.
      </StatusPage>
    </main>
  );
}
