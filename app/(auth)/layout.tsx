import { CenteredCard } from "@/components/shell/centered-card";

export default function AuthLayout({ children }: LayoutProps<"/">) {
  return (
    <CenteredCard footer="Guardrails, not gates: bumpers on the bowling lane for every team.">{children}</CenteredCard>
  );
}
