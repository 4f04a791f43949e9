import { NotificationsSkeleton } from "@/components/notifications/notifications-skeleton";

// Inside the settings layout: its header and tabs stay; only the cards load.
export default function IntegrationsLoading() {
  return <NotificationsSkeleton />;
}
