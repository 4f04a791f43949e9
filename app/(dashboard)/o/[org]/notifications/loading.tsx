import { NotificationsSkeleton } from "@/components/notifications/notifications-skeleton";

export default function MyNotificationsLoading() {
  return <NotificationsSkeleton />;
}
