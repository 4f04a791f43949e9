import { cn } from "@/components/ui/cn";

/** The Bumpers mark: a lane between two bumpers. */
export function Logo({ size = "md", inverted = false }: { size?: "md" | "lg"; inverted?: boolean }) {
  const box = size === "lg" ? "size-9" : "size-7";
  return (
    <span className="inline-flex items-center gap-2">
      <svg viewBox="0 0 32 32" className={box} aria-hidden>
        <rect width="32" height="32" rx="8" className="fill-brand-600" />
        <rect x="7" y="6" width="3" height="20" rx="1.5" className="fill-amber-300" />
        <rect x="22" y="6" width="3" height="20" rx="1.5" className="fill-amber-300" />
        <circle cx="16" cy="20" r="3.5" className="fill-white" />
      </svg>
      <span
        className={cn(
          "font-semibold tracking-tight",
          size === "lg" ? "text-2xl" : "text-lg",
          inverted ? "text-white" : "text-slate-900",
        )}
      >
        Bumpers
      </span>
    </span>
  );
}
