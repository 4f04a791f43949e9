// Large outline icons for empty states, drawn on a 24px grid.
const PATHS = {
  shield: "M12 3l8 4v5c0 5-3.5 8-8 9-4.5-1-8-4-8-9V7l8-4zM9 12l2 2 4-4",
  chart: "M4 19h16M7 16V9M12 16V5M17 16v-4",
  bell: "M6 16V11a6 6 0 1112 0v5l2 2H4l2-2zM10 20a2 2 0 004 0",
  cube: "M12 2l8.5 5v10L12 22l-8.5-5V7L12 2zM12 22V12M20.5 7L12 12 3.5 7",
} as const;

export function EmptyIcon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      className="size-10"
      aria-hidden
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
