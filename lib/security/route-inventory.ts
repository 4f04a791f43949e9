import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

// Static inventory of everything that answers a request: route handlers (each exported HTTP
// method) and pages and layouts (the default export) under app/, and server actions (each export of
// a "use server" file, wherever it lives; they live in lib/<feature>/actions.ts). An entry is
// guarded when its code calls one of GUARDS, directly or through a function declared in the same
// file. Public entries must be listed explicitly by the caller. A server action also records which
// builder of lib/api/action.ts made it (`builtWith`), so the test can demand that every one is.

/** Calls that check a session, a token or a tenant before anything else happens. */
export const GUARDS = new Set([
  // sessions and tenants (lib/auth)
  "requireUser",
  "getSessionUser", // callers branch on null: sign-in redirect or an "unauthorized" answer
  "authorizeTeamSettings", // lib/teams/authorize.ts: authorizeOrg + the team's existence
  "requireOrgPage",
  "requireTeamPage",
  "loadFindingPage", // lib/findings/finding-page.ts: requireOrgPage + the finding in the caller's scope
  "authorizeOrg",
  "authorizeTeam",
  // server actions: session, org/team and permission before the input is read (lib/api/action.ts)
  "orgAction",
  "teamAction",
  "userAction",
  // JSON API: session or org token, then the permission (lib/server/http.ts)
  "withApi",
  // agent endpoints: the cluster's token or an org admin token (lib/ingest, lib/clusters)
  "authenticateClusterRequest",
  "authenticateFleetRequest",
  // admission webhook: the cluster token, checked against the cluster slug alone (lib/admission)
  "authenticateAdmissionRequest",
  // SCIM 2.0: the org's SCIM token, whose org must be the path's (lib/scim/http.ts)
  "withScim",
  // shared layouts (app/(dashboard)/o/[org]/section-layouts.tsx): sectionLayout builds a layout
  // that calls requireOrgPage, TeamGuardLayout calls requireTeamPage (section-layouts.test.ts)
  "sectionLayout",
  "TeamGuardLayout",
]);

/**
 * The builders every server action must be made with (lib/api/action.ts). publicAction is one of
 * them but not a guard: an action built with it must be listed as public on purpose.
 */
export const ACTION_BUILDERS = new Set(["orgAction", "teamAction", "userAction", "publicAction"]);

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export type TRouteEntry = {
  file: string;
  kind: "route" | "page" | "layout" | "action";
  name: string;
  guarded: boolean;
  /** Actions only: the builder whose call is the export's initializer, or null (not built with one). */
  builtWith?: string | null;
};

/** Every entry of one source file; `file` is only used for naming. */
export function inventoryOfSource(file: string, source: string): TRouteEntry[] {
  const kind = kindOf(file, source);
  if (!kind) return [];
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const guardedLocals = guardedLocalFunctions(sf);
  const isGuarded = (node: ts.Node | undefined) => !!node && callsGuard(node, guardedLocals);

  const initializers = localInitializers(sf);
  const entries: TRouteEntry[] = [];
  const add = (name: string, node: ts.Node | undefined) =>
    entries.push({ file, kind, name, guarded: isGuarded(node), ...builder(kind, node) });
  for (const statement of sf.statements) {
    if (ts.isFunctionDeclaration(statement) && isExported(statement)) {
      const isDefault = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      const name = isDefault ? "default" : (statement.name?.text ?? "default");
      if (wanted(kind, name)) add(name, statement.body);
    } else if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const decl of statement.declarationList.declarations) {
        const name = decl.name.getText(sf);
        if (wanted(kind, name)) add(name, decl.initializer);
      }
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      // `export { handler as GET }`: judged by the local it names; `export { X as default } from
      // "…"` by the name it re-exports, which must itself be a guard.
      for (const spec of statement.exportClause.elements) {
        const local = (spec.propertyName ?? spec.name).text;
        const reexportsGuard = !!statement.moduleSpecifier && GUARDS.has(local);
        if (wanted(kind, spec.name.text))
          entries.push({
            file,
            kind,
            name: spec.name.text,
            guarded: guardedLocals.has(local) || reexportsGuard,
            ...builder(kind, initializers.get(local)),
          });
      }
    } else if (ts.isExportAssignment(statement) && wanted(kind, "default")) {
      add("default", statement.expression);
    }
  }
  return entries;
}

/** Every entry under `appDir`, with paths relative to it. */
export function inventoryOfApp(appDir: string): TRouteEntry[] {
  return sourcesUnder(appDir).flatMap((f) => inventoryOfSource(path.relative(appDir, f), readFileSync(f, "utf8")));
}

/** Every server action of every "use server" file under `dirs` of `root`, with paths relative to `root`. */
export function inventoryOfServerActions(root: string, dirs = ["app", "lib", "components"]): TRouteEntry[] {
  return dirs
    .flatMap((dir) => sourcesUnder(path.join(root, dir)))
    .filter((f) => !f.includes(`${path.sep}generated${path.sep}`))
    .flatMap((f) => {
      const source = readFileSync(f, "utf8");
      return isServerActionModule(source) ? inventoryOfSource(path.relative(root, f), source) : [];
    });
}

const sourcesUnder = (dir: string) => filesUnder(dir).filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f));

const isServerActionModule = (source: string) => /^\s*["']use server["']/.test(source);

function kindOf(file: string, source: string): TRouteEntry["kind"] | null {
  const base = path.basename(file).replace(/\.(ts|tsx)$/, "");
  if (base === "route") return "route";
  if (base === "page") return "page";
  if (base === "layout") return "layout";
  return isServerActionModule(source) ? "action" : null;
}

function wanted(kind: TRouteEntry["kind"], name: string): boolean {
  if (kind === "route") return HTTP_METHODS.has(name);
  if (kind === "page" || kind === "layout") return name === "default";
  return true;
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** `builtWith` of an action: the builder its initializer calls directly (`orgAction({...}, fn)`). */
function builder(kind: TRouteEntry["kind"], node: ts.Node | undefined): Pick<TRouteEntry, "builtWith"> {
  if (kind !== "action") return {};
  const callee = node && ts.isCallExpression(node) && ts.isIdentifier(node.expression) ? node.expression.text : "";
  return { builtWith: ACTION_BUILDERS.has(callee) ? callee : null };
}

/** Initializers of the file's top-level `const x = …`, for `export { x }`. */
function localInitializers(sf: ts.SourceFile): Map<string, ts.Expression> {
  const out = new Map<string, ts.Expression>();
  for (const statement of sf.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations)
      if (ts.isIdentifier(decl.name) && decl.initializer) out.set(decl.name.text, decl.initializer);
  }
  return out;
}

/** Names of functions declared in the file (declarations and `const f = () => …`) that call a guard. */
function guardedLocalFunctions(sf: ts.SourceFile): Set<string> {
  const bodies = new Map<string, ts.Node>();
  for (const statement of sf.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body)
      bodies.set(statement.name.text, statement.body);
    if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        if (ts.isIdentifier(decl.name) && decl.initializer) bodies.set(decl.name.text, decl.initializer);
      }
    }
  }
  // Fixed point: a function is guarded when it calls a guard or an already guarded local.
  const guarded = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, body] of bodies) {
      if (!guarded.has(name) && callsGuard(body, guarded)) {
        guarded.add(name);
        changed = true;
      }
    }
  }
  return guarded;
}

function callsGuard(node: ts.Node, guardedLocals: Set<string>): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : "";
      if (GUARDS.has(name) || guardedLocals.has(name)) {
        found = true;
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}
