"use client";

import type { ComponentProps } from "react";
import { TEAM_ROLE_LABELS, TEAM_ROLES } from "@/lib/auth/permissions";
import { Input, Textarea, type TOption } from "@/components/ui/field";

// The controls of a team's name, description and priority, with the bounds lib/teams/schemas.ts
// checks, shared by the form that creates a team and the one that edits it.

export function TeamNameInput(props: ComponentProps<typeof Input>) {
  return <Input required maxLength={60} {...props} />;
}

export function TeamDescriptionInput(props: ComponentProps<typeof Textarea>) {
  return <Textarea rows={2} maxLength={500} {...props} />;
}

/** When two teams' scopes include the same resource, the lower number owns it. */
export function TeamPriorityInput(props: ComponentProps<typeof Input>) {
  return <Input type="number" inputMode="numeric" min={0} max={10000} step={1} required {...props} />;
}

export const TEAM_ROLE_OPTIONS: readonly TOption[] = TEAM_ROLES.map((role) => ({
  value: role,
  label: TEAM_ROLE_LABELS[role],
}));
