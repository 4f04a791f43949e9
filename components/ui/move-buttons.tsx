"use client";

import { Button } from "./button";

export type TMoveDirection = "up" | "down";

/**
 * Up and down arrows for a row of an ordered list (alert rules, automation rules, group
 * mappings): real buttons, so Tab and Enter move the row. `name` says what moves, for screen
 * readers; `error` is the last move's refusal, shown beside the arrows.
 */
export function MoveButtons({
  name,
  first,
  last,
  pending,
  onMove,
  error,
  className,
}: {
  name: string;
  first: boolean;
  last: boolean;
  pending: boolean;
  onMove: (direction: TMoveDirection) => void;
  error?: string | null;
  className?: string;
}) {
  return (
    <>
      {(
        [
          ["up", first, "↑"],
          ["down", last, "↓"],
        ] as const
      ).map(([direction, end, arrow]) => (
        <Button
          key={direction}
          size="sm"
          variant="ghost"
          disabled={end || pending}
          onClick={() => onMove(direction)}
          aria-label={`Move ${name} ${direction}`}
          title={`Move ${direction}`}
          className={className}
        >
          {arrow}
        </Button>
      ))}
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </>
  );
}
