// The neutral message lives in the shared kernel (the alerting engine writes it into the outbox);
// the notifications feature's modules import it from here.
export {
  MAX_SAMPLE,
  NOTIFICATION_SEVERITIES,
  NOTIFICATION_TYPES,
  SEVERITY_TEXT,
  ZNotification,
  type TNotification,
  type TNotificationSeverity,
  type TNotificationType,
} from "@/lib/domain/notification-message";
