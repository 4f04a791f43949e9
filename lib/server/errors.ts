export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  /** A cookie-authenticated write without an Origin of this site (or Sec-Fetch-Site: same-origin). */
  cross_site_request: 403,
  /** The organization enforces single sign-on and this session was not opened through its IdP. */
  sso_required: 403,
  /** The organization has as many clusters as its quota allows. */
  cluster_quota_exceeded: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  /** The organization's stored raw reports reached its total quota. */
  storage_quota_exceeded: 413,
  unprocessable: 422,
  rate_limited: 429,
  /** The organization's report bytes for the current UTC day reached its daily quota. */
  daily_quota_exceeded: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type TErrorCode = keyof typeof ERROR_STATUS;

/** An error meant for the user: its message is shown as is, its code picks the HTTP status. */
export class AppError extends Error {
  readonly code: TErrorCode;
  readonly details?: unknown;

  constructor(code: TErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export type TErrorBody = { error: { code: TErrorCode; message: string; details?: unknown } };

export function errorBody(err: AppError): TErrorBody {
  return {
    error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) },
  };
}

export const notFound = (what = "Not found") => new AppError("not_found", what);
export const forbidden = (why = "You do not have permission to do this.") => new AppError("forbidden", why);

/** A delete confirmed by typing the slug: anything else is a bad_request on the `confirm` field. */
export function assertConfirmedBySlug(typed: string, slug: string): void {
  if (typed.trim() !== slug) throw new AppError("bad_request", `Type "${slug}" to confirm.`, { field: "confirm" });
}
