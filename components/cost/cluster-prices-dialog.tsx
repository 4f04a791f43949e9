"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { updateClusterPricesAction } from "@/lib/cost/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormFooter } from "@/components/ui/form-footer";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useActionForm } from "@/components/ui/use-action-form";
import { useFieldValues } from "@/components/ui/use-field-values";
import type { TPriceFieldSpec } from "@/lib/cost/format/price-specs";
import { PriceFields } from "./price-fields";

/** A cluster's own prices, or a node hourly cost split half CPU, half memory; empty fields use the org's. */
export function ClusterPricesDialog({
  orgSlug,
  cluster,
  prices,
  fields,
}: {
  orgSlug: string;
  cluster: { id: string; name: string };
  prices: Record<string, string>;
  fields: readonly TPriceFieldSpec[];
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Edit prices
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Prices of ${cluster.name}`}
        description="Empty fields take the organization's price. A node hourly cost replaces the CPU and memory prices."
      >
        <PricesForm
          orgSlug={orgSlug}
          clusterId={cluster.id}
          prices={prices}
          fields={fields}
          onDone={() => setOpen(false)}
        />
      </Dialog>
    </>
  );
}

function PricesForm({
  orgSlug,
  clusterId,
  prices,
  fields,
  onDone,
}: {
  orgSlug: string;
  clusterId: string;
  prices: Record<string, string>;
  fields: readonly TPriceFieldSpec[];
  onDone: () => void;
}) {
  const router = useRouter();
  const { dispatch, errors, formError } = useActionForm(updateClusterPricesAction, {
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  const { bind } = useFieldValues(prices);
  return (
    <form action={dispatch} className="space-y-4" noValidate>
      <HiddenFields values={{ org: orgSlug, clusterId }} />
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <PriceFields idPrefix="cluster" fields={fields} errors={errors} bind={bind} autoFocus />
      <FormFooter onCancel={onDone} submitLabel="Save prices" className="border-t border-slate-100 pt-4" />
    </form>
  );
}
