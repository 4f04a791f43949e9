// The shapes every findings list shares (plain and grouped): one page of rows and how to ask for one.

export type TPage<T> = { data: T[]; nextCursor: string | null };

export type TListOptions = { limit: number; cursor?: string | null };
