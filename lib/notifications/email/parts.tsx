import { SEVERITY_NAMES, type TSeverityLevel } from "@/lib/domain/severity";
import { styles } from "@/lib/server/email/styles";
import { SEVERITY_COLORS } from "../severity-colors";

// Pieces the notification and digest mails share on top of the common layout (lib/server/email).

/** "Payments (Acme)" for a team, "Acme" for the organization. */
export const scopeName = (orgName: string, teamName?: string) => (teamName ? `${teamName} (${orgName})` : orgName);

export function SeverityBadge({ severity }: { severity: TSeverityLevel }) {
  const colors = SEVERITY_COLORS[severity];
  return (
    <span style={{ ...styles.badge, color: colors.text, backgroundColor: colors.background }}>
      {SEVERITY_NAMES[severity]}
    </span>
  );
}
