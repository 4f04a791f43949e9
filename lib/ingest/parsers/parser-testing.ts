import { expect } from "vitest";
import { ReportShapeError } from "./types";

/** The ReportShapeError `parse` answers `input` with; anything else (or no error) fails the test. */
export function shapeErrorOf(parse: (input: unknown) => unknown, input: unknown): ReportShapeError {
  try {
    parse(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ReportShapeError);
    return error as ReportShapeError;
  }
  throw new Error("expected a ReportShapeError");
}
