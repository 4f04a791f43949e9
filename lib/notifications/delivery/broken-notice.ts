import "server-only";
import { appBaseUrl } from "@/lib/alerting/engine/context";
import { pool } from "@/lib/server/db";
import { sendMail } from "@/lib/server/mail";
import type { TChannelOutcome } from "../channels/outcome";
import { renderNotificationEmail } from "../email/notification-email";
import { CONNECTION_KIND_NAMES, type TConnectionKind } from "../schemas";
import type { TConnectionRow } from "./connection-row";

/**
 * A connection just broke (the provider refused its token or URL): its admins are told by email
 * once (the org's owners and admins, and a team's admins for a team's own connection). The app
 * shows the broken state on the connection too.
 */
export async function tellAdminsConnectionBroke(connection: TConnectionRow, outcome: TChannelOutcome): Promise<void> {
  const { rows } = await pool.query<{ email: string; org_slug: string; org_name: string; team_slug: string | null }>(
    `SELECT DISTINCT u.email, o.slug AS org_slug, o.name AS org_name, t.slug AS team_slug
       FROM organizations o
       JOIN memberships m ON m.org_id = o.id
       JOIN users u ON u.id = m.user_id
       LEFT JOIN teams t ON t.id = $2::uuid
      WHERE o.id = $1::uuid
        AND (m.role IN ('owner', 'admin')
             OR EXISTS (SELECT 1 FROM team_memberships tm
                         WHERE tm.team_id = $2::uuid AND tm.user_id = u.id AND tm.role = 'admin'))`,
    [connection.org_id, connection.team_id],
  );
  const first = rows[0];
  if (!first) return;
  const kind = CONNECTION_KIND_NAMES[connection.kind as TConnectionKind] ?? connection.kind;
  const page = first.team_slug
    ? `/o/${first.org_slug}/teams/${first.team_slug}/notifications`
    : `/o/${first.org_slug}/settings/integrations`;
  const reason = outcome.kind === "accepted" ? "" : outcome.error;
  for (const row of rows) {
    const mail = renderNotificationEmail({
      title: `${kind} “${connection.name}” stopped working`,
      summary: `Bumpers could not deliver through it: ${reason} Messages to it fail until the connection is fixed.`,
      severity: "high",
      facts: [
        { label: "Connection", value: connection.name },
        { label: "Kind", value: kind },
      ],
      link: `${appBaseUrl()}${page}`,
      linkText: "Fix the connection",
      orgName: first.org_name,
    });
    await sendMail({ to: row.email, ...mail });
  }
}
