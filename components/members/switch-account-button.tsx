"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

/** Signs out and comes back to the same page, to continue as someone else. */
export function SwitchAccountButton({ returnTo, children }: { returnTo: string; children: React.ReactNode }) {
  return (
    <Button variant="secondary" className="w-full" onClick={() => void signOut({ callbackUrl: returnTo })}>
      {children}
    </Button>
  );
}
