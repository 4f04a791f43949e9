import { NotificationsSkeleton } from "@/components/notifications/notifications-skeleton";

// The team guard ran in the team's layout, above this boundary.
export default function TeamNotificationsLoading() {
  return <NotificationsSkeleton cards={3} />;
}
