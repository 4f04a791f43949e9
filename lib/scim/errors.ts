import { SCHEMA } from "./constants";

// SCIM's error format (RFC 7644 §3.12): `status` is a string, `scimType` names the kind of 400
// (or 409), `detail` says what to fix. Everything a SCIM route throws ends up in this shape.

export type TScimType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue"
  | "invalidVers"
  | "sensitive";

export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: TScimType,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "ScimError";
  }
}

export type TScimErrorBody = { schemas: [string]; status: string; scimType?: TScimType; detail: string };

export function scimErrorBody(status: number, detail: string, scimType?: TScimType): TScimErrorBody {
  return { schemas: [SCHEMA.error], status: String(status), ...(scimType ? { scimType } : {}), detail };
}

/** The 400s and 409s, named by their scimType. */
export const scimBadRequest = (scimType: TScimType, detail: string) =>
  new ScimError(scimType === "uniqueness" ? 409 : 400, detail, scimType);

export const scimNotFound = (detail: string) => new ScimError(404, detail);

/** One answer for every credential problem, so it never tells whether the organization exists. */
export const scimUnauthorized = () =>
  new ScimError(
    401,
    "Send this organization's SCIM token: Authorization: Bearer bmp_scim_… (the token is missing, invalid, revoked, or of another organization).",
    undefined,
    { "www-authenticate": 'Bearer realm="scim"' },
  );
