"use client";

import { signOut } from "next-auth/react";
import { Button, type TButtonSize, type TButtonVariant } from "@/components/ui/button";

/** Signs out and goes to `returnTo`, e.g. back to an invitation to continue as someone else. */
export function SwitchAccountButton({
  returnTo,
  children,
  variant = "secondary",
  size,
  className = "w-full",
}: {
  returnTo: string;
  children: React.ReactNode;
  variant?: TButtonVariant;
  size?: TButtonSize;
  className?: string;
}) {
  return (
    <Button variant={variant} size={size} className={className} onClick={() => void signOut({ callbackUrl: returnTo })}>
      {children}
    </Button>
  );
}
