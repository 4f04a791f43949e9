import type { ReactNode } from "react";
import { CenteredCard } from "@/components/shell/centered-card";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <CenteredCard footer="Guardrails, not gates: bumpers on the bowling lane for every team.">{children}</CenteredCard>
  );
}
