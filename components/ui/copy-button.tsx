"use client";

import { useState } from "react";
import { Button, type TButtonVariant } from "./button";

/** Copies `value` to the clipboard and says so ("Copied") once it did. */
export function CopyButton({
  value,
  ariaLabel,
  variant = "secondary",
}: {
  value: string;
  ariaLabel?: string;
  variant?: TButtonVariant;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="sm"
      variant={variant}
      aria-label={ariaLabel}
      onClick={() => {
        void navigator.clipboard?.writeText(value).then(() => setCopied(true));
      }}
    >
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}
