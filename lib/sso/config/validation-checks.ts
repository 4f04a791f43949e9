// "Validate configuration": what each check found, and the values the owner registers at the IdP.

export type TCheckStatus = "ok" | "warning" | "problem";

export type TValidationCheck = { label: string; status: TCheckStatus; detail: string };

export type TRegisterValue = { label: string; value: string };

export type TValidationResult = {
  /** No check found a problem (warnings pass); the connection is then marked validated. */
  passed: boolean;
  checks: TValidationCheck[];
  register: TRegisterValue[];
  validatedAt: Date | null;
};

export const ok = (label: string, detail: string): TValidationCheck => ({ label, status: "ok", detail });
export const warning = (label: string, detail: string): TValidationCheck => ({ label, status: "warning", detail });
export const problem = (label: string, detail: string): TValidationCheck => ({ label, status: "problem", detail });

export const DAY_MS = 86_400_000;
/** A certificate closer than this to its end is a warning: time to roll it over at the IdP. */
export const EXPIRY_WARNING_DAYS = 30;
