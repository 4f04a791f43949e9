import "server-only";
import type { Route } from "next";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import {
  actorOf,
  authorizeOrg,
  authorizeTeam,
  type TActor,
  type TOrgAccess,
  type TTeamAccess,
} from "@/lib/auth/access";
import type { TPermission } from "@/lib/auth/permissions";
import { getSessionUser, type TSessionUser } from "@/lib/auth/session";
import { fail, fromError, fromZodError, ok, type TActionResult } from "@/lib/server/action-result";
import { AppError, type TErrorCode } from "@/lib/server/errors";

// The one way to write a server action. Every export of a "use server" module is built here:
//
//   export const revokeTokenAction = orgAction(
//     { permission: "org:tokens:manage", input: z.object({ tokenId: ZRowId }), revalidate: { path: "" } },
//     async ({ input, access, actor }) => revokeToken(access.org.id, actor, input.tokenId),
//   );
//
// The builder reads the org (and team) from the form's `org` (and `team`) field, authorizes through
// the permission table (authorizeOrg/authorizeTeam: signed out → unauthorized, not a member →
// not_found, role without the permission → forbidden) BEFORE it looks at the rest of the input,
// parses the input with Zod (issues → field errors), turns AppError and ZodError thrown by the lib
// verb into results (an AppError naming `details.field` → a field error), revalidates the listed
// paths after a success and returns one TActionResult. Audit rows are written by the lib verbs in
// their own transaction (recordAudit(tx, …)); no action writes one itself, so there is no audit step
// here. lib/security/route-inventory.test.ts fails on any server action not built with one of these.
//
// Why our own small module and not next-safe-action: our ~34 forms call actions through React's
// useActionState(prev, FormData) and read { ok, data } | { ok: false, error: { code, message,
// fieldErrors } } (TActionResult). next-safe-action answers { data, serverError, validationErrors }
// and calls actions with one argument, so adopting it would rewrite every form and its error display.

/** A server action: a form calls it as (previous state, FormData); code may call it with one object. */
export type TServerAction<T> = {
  (input: Record<string, unknown>): Promise<TActionResult<T>>;
  // Last, so that useActionState infers its payload (FormData) from this signature.
  (prev: unknown, form: FormData): Promise<TActionResult<T>>;
};

/** A path under the org's URL ("" is the org root), as for revalidatePath. */
export type TRevalidate = { path: string; type?: "layout" | "page" };

const REDIRECT = Symbol("redirect");
type TRedirect = { readonly [REDIRECT]: string };

/**
 * Ends a successful action on another page: the wrapper revalidates first, then calls Next's
 * redirect() outside its error handling (redirect() works by throwing).
 */
export function redirectTo(path: string): TRedirect {
  return { [REDIRECT]: path };
}

const isRedirect = (value: unknown): value is TRedirect =>
  typeof value === "object" && value !== null && REDIRECT in value;

type TFieldErrors = Record<string, string[]>;

type TInputOptions<S extends z.ZodType> = {
  /** The input besides org/team; unknown fields are dropped. Default: nothing. */
  input?: S;
  /** How a FormData becomes the object `input` parses (and `org`/`team` are read from). Default: its entries. */
  fromForm?: (form: FormData) => Record<string, unknown>;
  /** The answer to input that does not parse; default fromZodError (field errors). */
  onInvalid?: (error: z.ZodError) => TActionResult<never>;
  /**
   * Renames field-error keys to the form's fields ("match.checks.2" → "checks"), on every failure.
   * `input` is the parsed input when the failure came after parsing.
   */
  formFields?: (fieldErrors: TFieldErrors, input: z.output<S> | undefined) => TFieldErrors;
};

type TRevalidateOptions = {
  /** Paths under the org to revalidate after a success. */
  revalidate?: TRevalidate | TRevalidate[];
  /** Failures (after authorization) that also revalidate: the page shows stale data, e.g. a conflict. */
  revalidateOn?: TErrorCode[];
};

type TOrgContext<I> = { input: I; access: TOrgAccess; actor: TActor };
type TTeamContext<I> = { input: I; access: TTeamAccess; actor: TActor };
/** A team's object or, with an empty `team` field, the org's baseline (team: null). */
type TTeamOrOrgContext<I> = { input: I; access: TOrgAccess; actor: TActor; team: TTeamAccess["team"] | null };
type TUserContext<I> = { input: I; user: TSessionUser };
type TPublicContext<I> = { input: I };

type THandler<C, R> = (context: C) => Promise<R>;
type TData<R> = Exclude<R, TRedirect>;

// Slugs as the URL carries them; the guards look them up, so a forged value only ever reaches an
// org or team the caller may already see.
const ZSlugRef = z.string().trim().min(1).max(100);
const ZOrgRef = z.object({ org: ZSlugRef });
const ZTeamRef = z.object({ org: ZSlugRef, team: ZSlugRef });
const ZOptionalTeamRef = z.object({ org: ZSlugRef, team: z.string().trim().max(100).default("") });

const NOTHING = z.object({});

/**
 * The fields of the FormData (the last value of a repeated field) or the object a caller passed.
 * `<form action={action}>` without useActionState calls it with the FormData alone.
 */
function rawOf(prevOrInput: unknown, form: FormData | undefined, fromForm?: (form: FormData) => object) {
  const data = form instanceof FormData ? form : prevOrInput instanceof FormData ? prevOrInput : null;
  if (data) return fromForm ? fromForm(data) : Object.fromEntries(data);
  return typeof prevOrInput === "object" && prevOrInput !== null ? prevOrInput : {};
}

type TCore<C, S extends z.ZodType, R> = TInputOptions<S> &
  TRevalidateOptions & {
    /** Checks the caller (throws AppError or ZodError) and returns what the handler gets besides input. */
    authorize: (raw: Record<string, unknown>) => Promise<C>;
    orgSlugOf?: (context: C) => string;
    handler: THandler<C & { input: z.output<S> }, R>;
  };

function build<C, S extends z.ZodType, R>(core: TCore<C, S, R>): TServerAction<TData<R>> {
  const schema = (core.input ?? NOTHING) as z.ZodType;
  const paths = core.revalidate ? [core.revalidate].flat() : [];
  const revalidate = (context: C) => {
    const slug = core.orgSlugOf?.(context);
    if (slug === undefined) return;
    for (const p of paths) revalidatePath(`/o/${slug}${p.path}`, p.type);
  };
  const finish = (result: TActionResult<never>, input: z.output<S> | undefined): TActionResult<never> => {
    if (result.ok || !result.error.fieldErrors || !core.formFields) return result;
    return fail(result.error.code, result.error.message, core.formFields(result.error.fieldErrors, input));
  };

  async function serverAction(prevOrInput: unknown, form?: FormData): Promise<TActionResult<TData<R>>> {
    const raw = rawOf(prevOrInput, form, core.fromForm) as Record<string, unknown>;
    let context: C | undefined;
    let input: z.output<S> | undefined;
    let outcome: R;
    try {
      context = await core.authorize(raw);
      const parsed = await schema.safeParseAsync(raw);
      if (!parsed.success) return finish(core.onInvalid?.(parsed.error) ?? fromZodError(parsed.error), undefined);
      input = parsed.data as z.output<S>;
      outcome = await core.handler({ ...context, input });
    } catch (err) {
      const result = err instanceof z.ZodError ? fromZodError(err) : fromError(err);
      if (context !== undefined && !result.ok && core.revalidateOn?.includes(result.error.code)) revalidate(context);
      return finish(result, input);
    }
    revalidate(context);
    if (isRedirect(outcome)) redirect(outcome[REDIRECT] as Route);
    return ok(outcome as TData<R>);
  }
  return serverAction as TServerAction<TData<R>>;
}

type TOrgOptions<S extends z.ZodType> = TInputOptions<S> & TRevalidateOptions & { permission: TPermission };

/** An action on an org's data: the form's `org` field names the org, `permission` is an org permission. */
export function orgAction<S extends z.ZodType = typeof NOTHING, R = undefined>(
  options: TOrgOptions<S>,
  handler: THandler<TOrgContext<z.output<S>>, R>,
): TServerAction<TData<R>> {
  return build<Omit<TOrgContext<unknown>, "input">, S, R>({
    ...options,
    authorize: async (raw) => {
      const ref = ZOrgRef.parse(raw);
      const access = await authorizeOrg(ref.org, options.permission);
      return { access, actor: actorOf(access) };
    },
    orgSlugOf: (c) => c.access.org.slug,
    handler: handler as THandler<Omit<TOrgContext<unknown>, "input"> & { input: z.output<S> }, R>,
  });
}

type TTeamGuard = (orgSlug: string, teamSlug: string) => Promise<TTeamAccess>;
type TTeamOptions<S extends z.ZodType> = TInputOptions<S> &
  TRevalidateOptions &
  (
    | { permission: TPermission; guard?: never }
    /** A guard stricter than one team permission, e.g. authorizeTeamSettings (org admins only). */
    | { guard: TTeamGuard; permission?: never }
  );
type TTeamOrOrgOptions<S extends z.ZodType> = TInputOptions<S> &
  TRevalidateOptions & {
    permission: TPermission;
    /** With an empty `team` field the action is on the org's baseline and needs this org permission. */
    withoutTeam: TPermission;
  };

/**
 * An action on a team's data: the form's `org` and `team` fields name it; a team the caller is not
 * on is not_found (org owners and admins act as admins of every team).
 */
export function teamAction<S extends z.ZodType = typeof NOTHING, R = undefined>(
  options: TTeamOrOrgOptions<S>,
  handler: THandler<TTeamOrOrgContext<z.output<S>>, R>,
): TServerAction<TData<R>>;
export function teamAction<S extends z.ZodType = typeof NOTHING, R = undefined>(
  options: TTeamOptions<S>,
  handler: THandler<TTeamContext<z.output<S>>, R>,
): TServerAction<TData<R>>;
export function teamAction<S extends z.ZodType, R>(
  options: TTeamOptions<S> | TTeamOrOrgOptions<S>,
  handler: THandler<TTeamContext<z.output<S>>, R> | THandler<TTeamOrOrgContext<z.output<S>>, R>,
): TServerAction<TData<R>> {
  type C = { access: TOrgAccess; actor: TActor; team?: TTeamAccess["team"] | null };
  return build<C, S, R>({
    ...options,
    authorize: async (raw) => {
      if ("withoutTeam" in options) {
        const ref = ZOptionalTeamRef.parse(raw);
        if (!ref.team) {
          const access = await authorizeOrg(ref.org, options.withoutTeam);
          return { access, actor: actorOf(access), team: null };
        }
        const access = await authorizeTeam(ref.org, ref.team, options.permission);
        return { access, actor: actorOf(access), team: access.team };
      }
      const ref = ZTeamRef.parse(raw);
      const access = options.guard
        ? await options.guard(ref.org, ref.team)
        : await authorizeTeam(ref.org, ref.team, options.permission);
      return { access, actor: actorOf(access) };
    },
    orgSlugOf: (c) => c.access.org.slug,
    handler: handler as THandler<C & { input: z.output<S> }, R>,
  });
}

type TUserOptions<S extends z.ZodType> = TInputOptions<S> & {
  /** What a signed-out caller is told. */
  signInMessage?: string;
};

/** An action of a signed-in user outside any org (creating an org, accepting an invitation). */
export function userAction<S extends z.ZodType = typeof NOTHING, R = undefined>(
  options: TUserOptions<S>,
  handler: THandler<TUserContext<z.output<S>>, R>,
): TServerAction<TData<R>> {
  return build<{ user: TSessionUser }, S, R>({
    ...options,
    authorize: async () => {
      const user = await getSessionUser();
      if (!user) throw new AppError("unauthorized", options.signInMessage ?? "Please sign in.");
      return { user };
    },
    handler: handler as THandler<{ user: TSessionUser; input: z.output<S> }, R>,
  });
}

/**
 * An action anyone may call (sign-up, joining with an invitation's token). Not a guard: the route
 * inventory test wants each one listed as public on purpose, and its lib verb rate-limits it.
 */
export function publicAction<S extends z.ZodType = typeof NOTHING, R = undefined>(
  options: TInputOptions<S>,
  handler: THandler<TPublicContext<z.output<S>>, R>,
): TServerAction<TData<R>> {
  return build<object, S, R>({
    ...options,
    authorize: async () => ({}),
    handler: handler as THandler<{ input: z.output<S> }, R>,
  });
}

/**
 * Field errors from a form parser that is not Zod (price lists, pattern lines) as issues of a Zod
 * schema, so `input` stays one schema and they come back as the same field errors.
 */
export function addFieldIssues(ctx: z.RefinementCtx, fieldErrors: TFieldErrors): void {
  for (const [field, messages] of Object.entries(fieldErrors)) {
    for (const message of messages) ctx.addIssue({ code: "custom", message, path: [field] });
  }
}
