import type {
  TCreateIssueInput,
  TProjectOptions,
  TProviderContext,
  TProviderFailure,
  TProviderIssue,
  TProviderResult,
  TTicketProvider,
} from "@/lib/tickets/provider";

// A ticket provider in memory for tests of the verbs that take `options.provider`: it answers
// whoAmI, project options, creates, lists transitions and removes, and remembers what it was
// asked (with the context each call was made for). `fail` makes one call refuse.

type TCallName = keyof Omit<TTicketProvider, "kind">;

export type TMemoryProvider = {
  factory: (context: TProviderContext) => TTicketProvider;
  contexts: TProviderContext[];
  created: TCreateIssueInput[];
  removed: string[];
  /** The answer a call gives instead of its usual one. */
  fail: Partial<Record<TCallName, TProviderFailure>>;
};

const ok = <T>(value: T): TProviderResult<T> => ({ ok: true, value, status: 200, response: { ok: true } });

export const refusal = (status: number, error: string, fieldErrors?: Record<string, string>): TProviderFailure => ({
  ok: false,
  outcome:
    status === 401 || status === 403 || status === 404
      ? { kind: "broken", status, response: { message: error }, error }
      : { kind: "rejected", status, response: { message: error }, error },
  ...(fieldErrors ? { fieldErrors } : {}),
});

export const MEMORY_OPTIONS: TProjectOptions = {
  issueTypes: [
    { id: "1", name: "Bug" },
    { id: "2", name: "Task" },
  ],
  components: ["Platform"],
  priorities: ["Highest", "High", "Medium", "Low"],
  fields: [{ id: "customfield_10010", name: "Squad", required: true, type: "string" }],
  milestones: [],
};

export const MEMORY_TRANSITIONS = [
  { id: "31", name: "Done", category: "done" as const },
  { id: "41", name: "Won't Do", category: "wont_do" as const },
  { id: "11", name: "Reopen", category: "open" as const },
];

export function memoryTicketProvider(identity = { id: "bot-1", name: "Bumpers Bot" }): TMemoryProvider {
  const state: TMemoryProvider = { factory: () => provider, contexts: [], created: [], removed: [], fail: {} };
  const answer = <T>(name: TCallName, value: () => T): Promise<TProviderResult<T>> =>
    Promise.resolve(state.fail[name] ?? ok(value()));
  const issue = (n: number, title: string): TProviderIssue => ({
    externalId: String(10000 + n),
    key: `PAY-${n}`,
    url: `https://acme.atlassian.net/browse/PAY-${n}`,
    title,
    state: "open",
    status: "To Do",
    labels: [],
  });
  const provider: TTicketProvider = {
    kind: "jira_cloud",
    whoAmI: () => answer("whoAmI", () => identity),
    projectOptions: () => answer("projectOptions", () => MEMORY_OPTIONS),
    createIssue: (input) =>
      answer("createIssue", () => {
        state.created.push(input);
        return issue(state.created.length, input.title);
      }),
    getIssue: (reference) => answer("getIssue", () => issue(1, reference)),
    findByLabel: () => answer("findByLabel", () => null),
    addComment: () => answer("addComment", () => ({ id: "c1" })),
    transition: (externalId) => answer("transition", () => issue(Number(externalId) - 10000, "moved")),
    listTransitions: () => answer("listTransitions", () => MEMORY_TRANSITIONS),
    removeTestIssue: (externalId) =>
      answer("removeTestIssue", () => {
        state.removed.push(externalId);
      }),
  };
  state.factory = (context) => {
    state.contexts.push(context);
    return provider;
  };
  return state;
}
