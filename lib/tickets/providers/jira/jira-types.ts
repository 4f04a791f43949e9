import type { addComment, createIssue, doTransition, searchAndReconsileIssuesUsingJqlPost } from "jira.js/cloud";

// Atlassian's published request shapes (jira.js), for `satisfies` on the bodies we send: a drift
// in the API fails tsc. jira.js exports its request parameters only through its functions' types.
// It describes Jira Cloud (REST v3); Data Center's v2 takes the same shapes with bodies as strings,
// which these types allow (fields are open records, a comment body is a document or a string).

type TParams<F extends (...args: never[]) => unknown> = Parameters<F>[1];

export type TCreateIssueRequest = TParams<typeof createIssue>;
export type TTransitionRequest = Omit<TParams<typeof doTransition>, "issueIdOrKey">;
export type TAddCommentRequest = Omit<TParams<typeof addComment>, "issueIdOrKey">;
export type TSearchRequest = TParams<typeof searchAndReconsileIssuesUsingJqlPost>;
