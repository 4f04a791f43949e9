// The fake Jira's seeded site: projects PAY and OPS, issue types, components, priorities, the
// create-metadata fields (a required "Team" on Bug), a To Do → In Progress → Done workflow with
// "Won't do", and two people: the API account Bumpers acts as, and a human.

export type TFakeJiraCategory = "new" | "indeterminate" | "done";
export type TFakeJiraStatus = { id: string; name: string; category: TFakeJiraCategory };

export const CATEGORIES: Record<TFakeJiraCategory, { id: number; name: string; colorName: string }> = {
  new: { id: 2, name: "To Do", colorName: "blue-gray" },
  indeterminate: { id: 4, name: "In Progress", colorName: "yellow" },
  done: { id: 3, name: "Done", colorName: "green" },
};

export const STATUSES: TFakeJiraStatus[] = [
  { id: "10000", name: "To Do", category: "new" },
  { id: "3", name: "In Progress", category: "indeterminate" },
  { id: "10001", name: "Done", category: "done" },
];

export type TFakeJiraTransition = { id: string; name: string; from: string[]; to: string; resolution: string | null };

export const TRANSITIONS: TFakeJiraTransition[] = [
  { id: "11", name: "Start progress", from: ["To Do"], to: "In Progress", resolution: null },
  { id: "31", name: "Done", from: ["To Do", "In Progress"], to: "Done", resolution: "Done" },
  { id: "41", name: "Won't do", from: ["To Do", "In Progress"], to: "Done", resolution: "Won't Do" },
  { id: "51", name: "Reopen", from: ["Done"], to: "To Do", resolution: null },
];

export const RESOLUTIONS: Record<string, string> = { Done: "10000", "Won't Do": "10001" };

export const PRIORITIES = ["Highest", "High", "Medium", "Low", "Lowest"].map((name, i) => ({
  id: String(i + 1),
  name,
}));

export type TFakeJiraIssueType = { id: string; name: string; subtask: boolean };

export type TFakeJiraProject = {
  id: string;
  key: string;
  name: string;
  issueTypes: TFakeJiraIssueType[];
  components: { id: string; name: string }[];
};

const ISSUE_TYPES: TFakeJiraIssueType[] = [
  { id: "10004", name: "Bug", subtask: false },
  { id: "10002", name: "Task", subtask: false },
  { id: "10003", name: "Sub-task", subtask: true },
];

export const PROJECTS: TFakeJiraProject[] = [
  {
    id: "10000",
    key: "PAY",
    name: "Payments",
    issueTypes: ISSUE_TYPES,
    components: [
      { id: "10100", name: "Backend" },
      { id: "10101", name: "Frontend" },
      { id: "10102", name: "Platform" },
    ],
  },
  {
    id: "10001",
    key: "OPS",
    name: "Operations",
    issueTypes: ISSUE_TYPES,
    components: [
      { id: "10200", name: "Infrastructure" },
      { id: "10201", name: "On-call" },
    ],
  },
];

export type TFakeJiraField = {
  fieldId: string;
  name: string;
  required: boolean;
  schema: { type: string; system?: string; custom?: string; customId?: number; items?: string };
  allowedValues?: Record<string, string>[];
};

export const ENVIRONMENTS = [
  { id: "10300", value: "Production" },
  { id: "10301", value: "Staging" },
];

/** The create screen of an issue type in a project. */
export function fieldsFor(project: TFakeJiraProject, issueType: TFakeJiraIssueType): TFakeJiraField[] {
  const fields: TFakeJiraField[] = [
    { fieldId: "summary", name: "Summary", required: true, schema: { type: "string", system: "summary" } },
    { fieldId: "issuetype", name: "Issue Type", required: true, schema: { type: "issuetype", system: "issuetype" } },
    { fieldId: "project", name: "Project", required: true, schema: { type: "project", system: "project" } },
    { fieldId: "description", name: "Description", required: false, schema: { type: "string", system: "description" } },
    {
      fieldId: "labels",
      name: "Labels",
      required: false,
      schema: { type: "array", items: "string", system: "labels" },
    },
    {
      fieldId: "components",
      name: "Components",
      required: false,
      schema: { type: "array", items: "component", system: "components" },
      allowedValues: project.components.map((c) => ({ id: c.id, name: c.name })),
    },
    {
      fieldId: "priority",
      name: "Priority",
      required: false,
      schema: { type: "priority", system: "priority" },
      allowedValues: PRIORITIES.map((p) => ({ id: p.id, name: p.name })),
    },
    { fieldId: "assignee", name: "Assignee", required: false, schema: { type: "user", system: "assignee" } },
    {
      fieldId: "customfield_10020",
      name: "Environment",
      required: false,
      schema: {
        type: "option",
        custom: "com.atlassian.jira.plugin.system.customfieldtypes:select",
        customId: 10020,
      },
      allowedValues: ENVIRONMENTS.map((e) => ({ ...e })),
    },
  ];
  if (issueType.name === "Bug") {
    fields.push({
      fieldId: "customfield_10010",
      name: "Team",
      required: true,
      schema: {
        type: "string",
        custom: "com.atlassian.jira.plugin.system.customfieldtypes:textfield",
        customId: 10010,
      },
    });
  }
  return fields;
}

export type TFakeJiraUser = { accountId: string; name: string; displayName: string; emailAddress: string };

/** The account the API credentials belong to (Bumpers' own changes come back with it). */
export const API_USER: TFakeJiraUser = {
  accountId: "712020:0b5e1e0c-bumpers-bot",
  name: "bumpers-bot",
  displayName: "Bumpers Bot",
  emailAddress: "bumpers-bot@example.com",
};

/** A person working in Jira (changes made through the fake's page or /fake API). */
export const HUMAN_USER: TFakeJiraUser = {
  accountId: "557058:f3a1c9d2-dana",
  name: "dana",
  displayName: "Dana Developer",
  emailAddress: "dana@example.com",
};

export const USERS = [API_USER, HUMAN_USER];
