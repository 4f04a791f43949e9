"use client";

import { useState, type KeyboardEvent } from "react";
import { Input } from "@/components/ui/field";
import { splitValues } from "./rule-draft";

/**
 * Values as chips: type and press Enter or a comma (a pasted comma list becomes several chips);
 * Backspace in the empty box removes the last one, each chip has its own remove button.
 */
export function ChipsInput({
  id,
  values,
  onChange,
  placeholder,
  label,
}: {
  id: string;
  values: string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
  /** What a chip's remove button says it removes ("cluster"). */
  label: string;
}) {
  const [text, setText] = useState("");
  const add = () => {
    const added = splitValues(text);
    if (added.length) onChange([...new Set([...values, ...added])]);
    setText("");
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" || e.key === ",") {
      e.preventDefault();
      add();
    } else if (e.key === "Backspace" && !text && values.length) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <div className="space-y-1.5">
      {values.length ? (
        <ul className="flex flex-wrap gap-1.5" aria-label={`${label} values`}>
          {values.map((v) => (
            <li
              key={v}
              className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-2.5 pr-1 font-mono text-xs"
            >
              {v}
              <button
                type="button"
                onClick={() => onChange(values.filter((x) => x !== v))}
                aria-label={`Remove ${label} ${v}`}
                className="rounded-full px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Input
        id={id}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
        placeholder={placeholder ?? "Type a value, Enter to add (comma lists work)"}
        autoComplete="off"
        spellCheck={false}
        className="font-mono"
      />
    </div>
  );
}

/** A fixed set of choices as checkboxes (categories, teams, new/reopened). */
export function ChoiceChecks({
  options,
  values,
  onChange,
  label,
}: {
  options: readonly { value: string; label: string }[];
  values: string[];
  onChange: (values: string[]) => void;
  label: string;
}) {
  return (
    <fieldset className="flex flex-wrap gap-x-4 gap-y-1.5">
      <legend className="sr-only">{label}</legend>
      {options.map((o) => (
        <label key={o.value} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
          <input
            type="checkbox"
            className="size-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
            checked={values.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
