import { matchFromForm, ruleFieldKey } from "@/lib/alerting/ui-form";
import type { TConnectionUpdate, TNewConnection, TSubscriptionInput } from "./schemas";

// How the notification forms turn FormData into the verbs' inputs. Pure, so client and server read
// a form the same way. Validation is left to the schemas.

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};
const checked = (form: FormData, name: string) => form.get(name) === "on" || form.get(name) === "true";

/** The credential fields of Jira and GitHub connections, as their forms name them. */
const TICKET_FIELDS = [
  "siteUrl",
  "email",
  "apiToken",
  "baseUrl",
  "personalAccessToken",
  "appId",
  "installationId",
  "privateKey",
  "token",
  "apiUrl",
] as const;

/** A Jira or GitHub connection's fields as typed (the kind's schema checks them). */
function ticketFields(form: FormData): Record<string, string> {
  return Object.fromEntries(TICKET_FIELDS.map((f) => [f, text(form, f)]).filter(([, v]) => v));
}

/** A new connection: the kind's own fields only. */
export function connectionInputFromForm(form: FormData): TNewConnection {
  const kind = text(form, "kind") as TNewConnection["kind"];
  const base = { name: text(form, "name") };
  if (kind === "slack") return { ...base, kind, botToken: text(form, "botToken") };
  if (kind === "jira_cloud" || kind === "jira_server" || kind === "github") {
    const auth = kind === "github" ? { auth: text(form, "auth") || "token" } : {};
    return { ...base, kind, ...auth, ...ticketFields(form) } as TNewConnection;
  }
  if (kind === "email") {
    return {
      ...base,
      kind,
      smtp: {
        host: text(form, "host"),
        port: Number(text(form, "port") || 587),
        security: (text(form, "security") || "starttls") as "starttls" | "tls",
        user: text(form, "user"),
        from: text(form, "from"),
      },
      password: text(form, "password"),
    };
  }
  return { ...base, kind, url: text(form, "url") } as TNewConnection;
}

/** An edit: a field left empty keeps what is stored (secrets are never sent back to the form). */
export function connectionUpdateFromForm(form: FormData): TConnectionUpdate {
  const update: TConnectionUpdate = { ...ticketFields(form) };
  if (text(form, "name")) update.name = text(form, "name");
  if (text(form, "botToken")) update.botToken = text(form, "botToken");
  if (text(form, "url")) update.url = text(form, "url");
  if (text(form, "password")) update.password = text(form, "password");
  if (text(form, "host")) {
    update.smtp = {
      host: text(form, "host"),
      port: Number(text(form, "port") || 587),
      security: (text(form, "security") || "starttls") as "starttls" | "tls",
      user: text(form, "user"),
      from: text(form, "from"),
    };
  }
  return update;
}

/** A subscription as its form submits it; the Slack channel picker sends "id|#name". */
export function subscriptionInputFromForm(form: FormData): TSubscriptionInput {
  const kind = (text(form, "kind") || "events") as "events" | "digest";
  const channel = text(form, "channel");
  const [channelId, channelName] = channel.includes("|") ? channel.split("|", 2) : [channel, ""];
  const target = channelId || text(form, "target");
  return {
    name: text(form, "name"),
    kind,
    connectionId: text(form, "connectionId") || null,
    target,
    targetLabel: channelName || text(form, "targetLabel") || target,
    events: form.getAll("events").filter((v): v is string => typeof v === "string") as TSubscriptionInput["events"],
    match: matchFromForm(form),
    grouping: (text(form, "grouping") || "check") as TSubscriptionInput["grouping"],
    baseline: checked(form, "baseline"),
    digestPeriod: (text(form, "digestPeriod") || "weekly") as "daily" | "weekly",
    digestHour: Number(text(form, "digestHour") || 9),
    digestWeekday: Number(text(form, "digestWeekday") || 1),
    sendEmpty: form.has("sendEmptyPresent") ? checked(form, "sendEmpty") : true,
    enabled: form.has("enabledPresent") ? checked(form, "enabled") : true,
  };
}

/** Field errors keyed like the form's fields ("checks", not "match.checks.2"; "host", not "smtp.host"). */
export function notificationFieldErrors(fieldErrors: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const key = path.startsWith("smtp.") ? path.slice(5) : ruleFieldKey(path);
    out[key] = [...new Set([...(out[key] ?? []), ...messages])];
  }
  return out;
}
