import { evaluateObject } from "../evaluate";
import type { TCheckFailure, TKubeObject } from "../types";
import { checkById } from "./index";

/** Test helper: the failures of one check on one object (null when the check does not apply). */
export function failuresOf(object: TKubeObject, checkId: string): TCheckFailure[] | null {
  const check = checkById(checkId);
  if (!check) throw new Error(`unknown check ${checkId}`);
  const [result] = evaluateObject(object, { checks: [check] }).results;
  return result ? result.failures : null;
}
