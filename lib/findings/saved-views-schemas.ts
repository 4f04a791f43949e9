import { z } from "zod";

// Saved findings views, shared by forms (client), server actions and API routes.

export const MAX_SAVED_VIEWS = 50;
export const MAX_SAVED_VIEW_NAME = 60;
export const MAX_SAVED_VIEW_QUERY = 2000;

export const ZSavedViewName = z
  .string({ error: "Name the view." })
  .trim()
  .min(1, "Name the view.")
  .max(MAX_SAVED_VIEW_NAME, `Keep the name under ${MAX_SAVED_VIEW_NAME} characters.`);

/** The findings page's search string without its "?", e.g. `team=payments&severity=critical`. */
export const ZSavedViewQuery = z
  .string({ error: "The view's filters are missing." })
  .max(MAX_SAVED_VIEW_QUERY, `A view's filters must be under ${MAX_SAVED_VIEW_QUERY} characters.`)
  .refine((q) => !q.startsWith("?"), { message: 'Leave out the leading "?".' });

export const ZNewSavedView = z.object({ name: ZSavedViewName, query: ZSavedViewQuery });
export type TNewSavedView = z.input<typeof ZNewSavedView>;

export const ZSavedViewId = z.guid({ error: "A view id must be a UUID." }).transform((id) => id.toLowerCase());
