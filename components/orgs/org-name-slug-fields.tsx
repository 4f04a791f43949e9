"use client";

import { Field, Input } from "@/components/ui/field";
import { useSlugFromName } from "./use-slug-from-name";

/** Organization name and URL fields; the URL follows the name until the user edits it. */
export function OrgNameSlugFields({ errors, autoFocus }: { errors: Record<string, string[]>; autoFocus?: boolean }) {
  const { slug, nameChanged, slugChanged } = useSlugFromName();
  return (
    <>
      <Field id="orgName" label="Organization name" errors={errors.orgName}>
        <Input name="orgName" required autoFocus={autoFocus} onChange={(e) => nameChanged(e.target.value)} />
      </Field>
      <Field
        id="orgSlug"
        label="Organization URL"
        hint={`Its dashboard will live at /o/${slug || "your-org"}`}
        errors={errors.orgSlug}
      >
        <Input name="orgSlug" required value={slug} onChange={(e) => slugChanged(e.target.value)} />
      </Field>
    </>
  );
}
