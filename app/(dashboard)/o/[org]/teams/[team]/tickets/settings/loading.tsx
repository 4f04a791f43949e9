import { TicketSettingsSkeleton } from "@/components/tickets/settings/ticket-settings-skeleton";

// The team guard ran in the team's layout, above this boundary.
export default function TeamTicketSettingsLoading() {
  return <TicketSettingsSkeleton cards={1} />;
}
