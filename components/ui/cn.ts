import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/** Joins class names; a later Tailwind utility wins over a conflicting earlier one (w-36 over w-full). */
export const cn = (...values: ClassValue[]) => twMerge(clsx(values));
