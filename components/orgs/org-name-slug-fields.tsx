"use client";

import { useState } from "react";
import { slugify } from "@/lib/orgs/schemas";
import { Field, Input } from "@/components/ui/field";

/** Organization name and URL fields; the URL follows the name until the user edits it. */
export function OrgNameSlugFields({ errors, autoFocus }: { errors: Record<string, string[]>; autoFocus?: boolean }) {
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  return (
    <>
      <Field id="orgName" label="Organization name" errors={errors.orgName}>
        <Input
          id="orgName"
          name="orgName"
          required
          autoFocus={autoFocus}
          aria-invalid={Boolean(errors.orgName)}
          onChange={(e) => {
            if (!slugEdited) setSlug(slugify(e.target.value));
          }}
        />
      </Field>
      <Field
        id="orgSlug"
        label="Organization URL"
        hint={`Its dashboard will live at /o/${slug || "your-org"}`}
        errors={errors.orgSlug}
      >
        <Input
          id="orgSlug"
          name="orgSlug"
          required
          value={slug}
          aria-invalid={Boolean(errors.orgSlug)}
          onChange={(e) => {
            setSlugEdited(true);
            setSlug(e.target.value);
          }}
        />
      </Field>
    </>
  );
}
