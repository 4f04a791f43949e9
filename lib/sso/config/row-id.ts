import { ZRowId } from "./schemas";

/** Row ids are UUIDs; anything else cannot name a row and is answered like an unknown id. */
export const isRowId = (value: string): boolean => ZRowId.safeParse(value).success;
