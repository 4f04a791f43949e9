import { revalidatePath } from "next/cache";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { authorizeTeamSettings } from "@/lib/teams/authorize";
import { actorFor, createTestTenant } from "@/lib/testing/factories";
import { signInAs } from "@/lib/testing/session";
import { orgAction, publicAction, redirectTo, teamAction, userAction } from "./action";
import { AppError } from "@/lib/server/errors";
import { formOf } from "@/lib/testing/forms";

// The wrapper on its own, with actions made here: who gets which answer, what reaches the handler,
// and what is revalidated. Each feature's actions.test.ts checks its real actions on top of this.

type TTenant = Awaited<ReturnType<typeof createTestTenant>>;
let a: TTenant;
let b: TTenant;
beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
});
afterEach(() => {
  signInAs(null);
  vi.mocked(revalidatePath).mockClear();
});

const handler = vi.fn(async ({ input }: { input: { name: string } }) => ({ saved: input.name }));
const rename = orgAction(
  {
    permission: "org:settings:manage",
    input: z.object({ name: z.string().trim().min(2, "At least 2 characters.") }),
    revalidate: [{ path: "", type: "layout" }, { path: "/settings" }],
  },
  handler,
);

describe("orgAction", () => {
  it("answers by who calls before it reads the input, and runs nothing for them", async () => {
    handler.mockClear();
    const bad = formOf({ org: a.org.slug, name: "x" });
    expect(await rename(null, bad)).toEqual({ ok: false, error: { code: "unauthorized", message: "Please sign in." } });
    signInAs(b.users.owner);
    expect(await rename(null, bad)).toMatchObject({ ok: false, error: { code: "not_found" } });
    signInAs(a.users.member);
    expect(await rename(null, bad)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(handler).not.toHaveBeenCalled();
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("turns bad input into field errors by path, and a missing org into an org field error", async () => {
    signInAs(a.users.admin);
    expect(await rename(null, formOf({ org: a.org.slug, name: " x " }))).toEqual({
      ok: false,
      error: {
        code: "bad_request",
        message: "Please correct the highlighted fields.",
        fieldErrors: { name: ["At least 2 characters."] },
      },
    });
    expect(await rename(null, formOf({ name: "Fine" }))).toMatchObject({
      ok: false,
      error: { code: "bad_request", fieldErrors: { org: [expect.any(String)] } },
    });
  });

  it("runs the handler with the parsed input, the access and the actor, then revalidates the org's paths", async () => {
    signInAs(a.users.admin);
    handler.mockClear();
    expect(await rename(null, formOf({ org: a.org.slug, name: "  Platform  " }))).toEqual({
      ok: true,
      data: { saved: "Platform" },
    });
    const context = handler.mock.calls[0]![0] as unknown as {
      access: { org: { id: string } };
      actor: { userId: string };
    };
    expect(context.access.org.id).toBe(a.org.id);
    expect(context.actor).toEqual(actorFor(a.users.admin));
    expect(vi.mocked(revalidatePath).mock.calls).toEqual([
      [`/o/${a.org.slug}`, "layout"],
      [`/o/${a.org.slug}/settings`, undefined],
    ]);
  });

  it("takes one object instead of (state, FormData) when code calls it", async () => {
    signInAs(a.users.admin);
    expect(await rename({ org: a.org.slug, name: "Direct" })).toEqual({ ok: true, data: { saved: "Direct" } });
    // <form action={action}> without useActionState passes the FormData alone.
    const formAlone = rename as unknown as (form: FormData) => ReturnType<typeof rename>;
    expect(await formAlone(formOf({ org: a.org.slug, name: "Posted" }))).toEqual({
      ok: true,
      data: { saved: "Posted" },
    });
  });

  it("shows an AppError under the field it names, a thrown ZodError by path, and rethrows anything else", async () => {
    signInAs(a.users.admin);
    const taken = orgAction({ permission: "org:read" }, async () => {
      throw new AppError("conflict", "That name is taken.", { field: "name" });
    });
    expect(await taken(null, formOf({ org: a.org.slug }))).toEqual({
      ok: false,
      error: { code: "conflict", message: "That name is taken.", fieldErrors: { name: ["That name is taken."] } },
    });
    const deepInvalid = orgAction({ permission: "org:read" }, async () =>
      z.object({ rules: z.array(z.object({ ns: z.string() })) }).parse({ rules: [{ ns: 1 }] }),
    );
    expect(await deepInvalid(null, formOf({ org: a.org.slug }))).toMatchObject({
      ok: false,
      error: { code: "bad_request", fieldErrors: { "rules.0.ns": [expect.any(String)] } },
    });
    const bug = orgAction({ permission: "org:read" }, async () => {
      throw new TypeError("a bug");
    });
    await expect(bug(null, formOf({ org: a.org.slug }))).rejects.toThrow("a bug");
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("renames field errors to the form's fields and answers unparsable input its own way", async () => {
    signInAs(a.users.admin);
    const listed = orgAction(
      {
        permission: "org:read",
        input: z.object({ ids: z.array(z.uuid("Not an id.")) }),
        fromForm: (form) => ({ org: form.get("org"), ids: form.getAll("ids") }),
        formFields: (errors) => ({ ids: Object.values(errors).flat() }),
      },
      async ({ input }) => input.ids.length,
    );
    const form = formOf({ org: a.org.slug });
    form.append("ids", "x");
    form.append("ids", "y");
    expect(await listed(null, form)).toMatchObject({
      ok: false,
      error: { fieldErrors: { ids: ["Not an id.", "Not an id."] } },
    });
    const link = orgAction(
      {
        permission: "org:read",
        input: z.object({ token: z.string().length(4) }),
        onInvalid: () => ({ ok: false, error: { code: "not_found", message: "No such link." } }),
      },
      async () => null,
    );
    expect(await link(null, formOf({ org: a.org.slug, token: "abc" }))).toEqual({
      ok: false,
      error: { code: "not_found", message: "No such link." },
    });
  });

  it("revalidates after a listed failure code, and redirects after revalidating", async () => {
    signInAs(a.users.admin);
    const stale = orgAction(
      { permission: "org:read", revalidate: { path: "/policies" }, revalidateOn: ["conflict"] },
      () => Promise.reject(new AppError("conflict", "Changed meanwhile.")),
    );
    expect(await stale(null, formOf({ org: a.org.slug }))).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(vi.mocked(revalidatePath).mock.calls).toEqual([[`/o/${a.org.slug}/policies`, undefined]]);

    vi.mocked(revalidatePath).mockClear();
    const leave = orgAction({ permission: "org:read", revalidate: { path: "", type: "layout" } }, async ({ access }) =>
      redirectTo(`/o/${access.org.slug}/elsewhere`),
    );
    const thrown = await leave(null, formOf({ org: a.org.slug })).catch((err: unknown) => err);
    expect(String((thrown as { digest?: string }).digest)).toContain(
      `NEXT_REDIRECT;replace;/o/${a.org.slug}/elsewhere;`,
    );
    expect(vi.mocked(revalidatePath).mock.calls).toEqual([[`/o/${a.org.slug}`, "layout"]]);
  });
});

describe("teamAction", () => {
  const whoami = teamAction({ permission: "team:members:manage" }, async ({ access }) => access.team.id);

  it("needs the team permission on that team; a team the caller is not on is not_found", async () => {
    const ref = (team: string) => formOf({ org: a.org.slug, team });
    signInAs(a.users.teamAdmin);
    expect(await whoami(null, ref(a.team.slug))).toEqual({ ok: true, data: a.team.id });
    expect(await whoami(null, ref(a.otherTeam.slug))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await whoami(null, ref(b.team.slug))).toMatchObject({ ok: false, error: { code: "not_found" } });
    signInAs(a.users.editor);
    expect(await whoami(null, ref(a.team.slug))).toMatchObject({ ok: false, error: { code: "forbidden" } });
    signInAs(b.users.admin);
    expect(await whoami(null, ref(a.team.slug))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await whoami(null, formOf({ org: a.org.slug }))).toMatchObject({
      ok: false,
      error: { code: "bad_request", fieldErrors: { team: [expect.any(String)] } },
    });
  });

  it("uses a stricter guard when given one", async () => {
    const settings = teamAction({ guard: authorizeTeamSettings }, async () => "saved");
    signInAs(a.users.teamAdmin);
    expect(await settings(null, formOf({ org: a.org.slug, team: a.team.slug }))).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    signInAs(a.users.admin);
    expect(await settings(null, formOf({ org: a.org.slug, team: a.team.slug }))).toEqual({ ok: true, data: "saved" });
  });

  it("acts on the org's baseline with the org permission when `team` is empty", async () => {
    const owner = teamAction(
      { permission: "team:routing:manage", withoutTeam: "org:integrations:manage" },
      async ({ team }) => team?.slug ?? "baseline",
    );
    signInAs(a.users.teamAdmin);
    expect(await owner(null, formOf({ org: a.org.slug, team: a.team.slug }))).toEqual({ ok: true, data: a.team.slug });
    expect(await owner(null, formOf({ org: a.org.slug, team: "" }))).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    signInAs(a.users.admin);
    expect(await owner(null, formOf({ org: a.org.slug }))).toEqual({ ok: true, data: "baseline" });
  });
});

describe("userAction and publicAction", () => {
  it("userAction needs a session, with the message it is given", async () => {
    const mine = userAction({ signInMessage: "Sign in to accept." }, async ({ user }) => user.id);
    expect(await mine(null, formOf({}))).toEqual({
      ok: false,
      error: { code: "unauthorized", message: "Sign in to accept." },
    });
    signInAs(a.users.member);
    expect(await mine(null, formOf({}))).toEqual({ ok: true, data: a.users.member.id });
  });

  it("publicAction parses and runs for anyone", async () => {
    const hello = publicAction({ input: z.object({ name: z.string().min(1, "Your name.") }) }, async ({ input }) => {
      return `hello ${input.name}`;
    });
    expect(await hello(null, formOf({ name: "Ada" }))).toEqual({ ok: true, data: "hello Ada" });
    expect(await hello(null, formOf({}))).toMatchObject({
      ok: false,
      error: { fieldErrors: { name: [expect.any(String)] } },
    });
  });
});
