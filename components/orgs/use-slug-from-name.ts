"use client";

import { useState } from "react";
import { slugify } from "@/lib/orgs/schemas";

/** A slug that follows the name typed until the user edits the slug itself. */
export function useSlugFromName() {
  const [slug, setSlug] = useState("");
  const [edited, setEdited] = useState(false);
  return {
    slug,
    nameChanged: (name: string) => {
      if (!edited) setSlug(slugify(name));
    },
    slugChanged: (value: string) => {
      setEdited(true);
      setSlug(value);
    },
  };
}
