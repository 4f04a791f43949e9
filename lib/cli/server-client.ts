import type { z } from "zod";
import { serverError } from "./errors";
import {
  ZPolicySettings,
  ZScanUploadAnswer,
  type TPolicySettings,
  type TScanUpload,
  type TScanUploadAnswer,
} from "./schemas";

/** Long enough for a slow server under load, short enough not to hold a CI job for minutes. */
const REQUEST_TIMEOUT_MS = 30_000;

export type TServerConnection = { baseUrl: string; token: string; userAgent: string };

function networkReason(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  }
  const cause = error instanceof Error ? (error.cause as NodeJS.ErrnoException | undefined) : undefined;
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ""}`;
  return error instanceof Error ? error.message : String(error);
}

/** The server's `{ error: { code, message } }` answer, when it sent one. */
function serverMessage(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    return typeof parsed.error?.message === "string" ? parsed.error.message : null;
  } catch {
    return null;
  }
}

function refusal(response: Response, body: string, what: string): string {
  const { status, statusText } = response;
  const location = response.headers.get("location");
  if (status >= 300 && status < 400 && location) {
    return `The Bumpers server redirected to ${location} while ${what}; use that address as --server.`;
  }
  const detail = serverMessage(body);
  const said = detail ? `: ${detail}` : "";
  if (status === 401) return `The Bumpers server refused the token while ${what} (401${said}). Check BUMPERS_TOKEN.`;
  if (status === 403) {
    return `The Bumpers server did not allow ${what} with this token (403${said}). The token needs access to this repository.`;
  }
  if (status === 404) {
    return `The Bumpers server has no such endpoint while ${what} (404${said}). Is --server the Bumpers address, and is the server recent enough?`;
  }
  return `The Bumpers server answered ${status}${statusText ? ` ${statusText}` : ""} while ${what}${said}.`;
}

async function requestJson<T>(
  connection: TServerConnection,
  path: string,
  init: { method: "GET" } | { method: "POST"; body: unknown },
  schema: z.ZodType<T>,
  what: string,
): Promise<T> {
  const url = `${connection.baseUrl}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
      headers: {
        authorization: `Bearer ${connection.token}`,
        accept: "application/json",
        "user-agent": connection.userAgent,
        ...(init.method === "POST" ? { "content-type": "application/json" } : {}),
      },
      body: init.method === "POST" ? JSON.stringify(init.body) : undefined,
      // Never follow: a POST would turn into a GET, and the token must go only where it was sent.
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw serverError(
      `Cannot reach the Bumpers server at ${connection.baseUrl} while ${what}: ${networkReason(error)}.`,
    );
  }
  const text = await response.text().catch(() => "");
  if (!response.ok) throw serverError(refusal(response, text, what));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw serverError(
      `The Bumpers server's answer while ${what} is not JSON (is ${connection.baseUrl} the Bumpers address?).`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    throw serverError(
      `The Bumpers server's answer while ${what} is not what this CLI expects${where}: ${issue?.message ?? "invalid"}.`,
    );
  }
  return parsed.data;
}

/** The organization's check settings and resolutions for this repository (GET /api/v1/policies). */
export function fetchPolicySettings(connection: TServerConnection, repository: string): Promise<TPolicySettings> {
  return requestJson(
    connection,
    `/api/v1/policies?repository=${encodeURIComponent(repository)}`,
    { method: "GET" },
    ZPolicySettings,
    "reading the policy settings",
  );
}

/** Report this run's failing checks (POST /api/v1/ci/scan-results); the answer summarizes the findings. */
export function uploadScanResults(connection: TServerConnection, upload: TScanUpload): Promise<TScanUploadAnswer> {
  return requestJson(
    connection,
    "/api/v1/ci/scan-results",
    { method: "POST", body: upload },
    ZScanUploadAnswer,
    "uploading the scan results",
  );
}
