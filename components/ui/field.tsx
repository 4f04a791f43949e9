"use client";

import {
  createContext,
  useContext,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { cn } from "./cn";

// A client module only for the context below: a control inside a <Field> takes its id and aria
// wiring from it, so a form names each of them once. Server pages still render these controls.

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/20 disabled:bg-slate-50 aria-[invalid=true]:border-red-400";

type TFieldWiring = { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

const FieldContext = createContext<TFieldWiring | null>(null);

/** The control's own props, with what its Field says filled in where the control sets nothing. */
function useWiring<P extends { id?: string; "aria-invalid"?: unknown; "aria-describedby"?: string }>(props: P): P {
  const field = useContext(FieldContext);
  if (!field) return props;
  return {
    ...props,
    id: props.id ?? field.id,
    "aria-invalid": props["aria-invalid"] ?? field["aria-invalid"],
    "aria-describedby": props["aria-describedby"] ?? field["aria-describedby"],
  };
}

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(control, "h-9", className)} {...useWiring(props)} />;
}

/** An input for ids, slugs and glob patterns: monospace, and never completed or corrected. */
export function CodeInput({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <Input autoComplete="off" spellCheck={false} className={cn("font-mono", className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(control, "h-9 pr-8", className)} {...useWiring(props)} />;
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(control, className)} {...useWiring(props)} />;
}

/** A checkbox with its label after it, the whole line clickable. */
export function Checkbox({
  children,
  className,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { children: ReactNode }) {
  return (
    <label className={cn("flex items-center gap-2 text-sm text-slate-700", className)}>
      <input
        type="checkbox"
        className="size-4 shrink-0 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
        {...props}
      />
      {children}
    </label>
  );
}

export type TOption = { value: string; label: ReactNode };

/** The <option>s of a Select. */
export function Options({ options }: { options: readonly TOption[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

/** The error text under a control: `${id}-error`, what the control's aria-describedby names. */
export function FieldError({ id, errors, className }: { id: string; errors?: string[]; className?: string }) {
  return errors?.length ? (
    <p id={`${id}-error`} className={cn("text-xs text-red-600", className)} role="alert">
      {errors.join(" ")}
    </p>
  ) : null;
}

/**
 * Label, control, hint and errors, wired for screen readers: the Input, Select or Textarea inside
 * gets `id`, `aria-invalid` while there are errors, and `aria-describedby` naming the errors (or
 * the hint, which gives way to them). `hideLabel` keeps the label for screen readers only.
 */
export function Field({
  id,
  label,
  hint,
  errors,
  hideLabel,
  children,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  hideLabel?: boolean;
  children: ReactNode;
  className?: string;
}) {
  const invalid = Boolean(errors?.length);
  const showHint = Boolean(hint) && !invalid;
  const wiring: TFieldWiring = {
    id,
    "aria-invalid": invalid || undefined,
    "aria-describedby": invalid ? `${id}-error` : showHint ? `${id}-hint` : undefined,
  };
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "block text-sm font-medium text-slate-700"}>
        {label}
      </label>
      <FieldContext value={wiring}>{children}</FieldContext>
      {showHint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={id} errors={errors} />
    </div>
  );
}
