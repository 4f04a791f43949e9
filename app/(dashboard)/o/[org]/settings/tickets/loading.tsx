import { TicketSettingsSkeleton } from "@/components/tickets/settings/ticket-settings-skeleton";

// Inside the settings layout: its header and tabs stay; only the cards load.
export default function TicketSettingsLoading() {
  return <TicketSettingsSkeleton />;
}
