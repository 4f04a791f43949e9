"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { updateClusterPricesAction } from "@/lib/cost/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import type { TPriceFieldSpec } from "./cost-settings-form";
import { FormFooter } from "./form-footer";

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
  const [state, action] = useActionState(updateClusterPricesAction, null);
  const [values, setValues] = useState(prices);
  const router = useRouter();
  const handled = useRef<unknown>(null);
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  useEffect(() => {
    if (!state?.ok || handled.current === state) return;
    handled.current = state;
    onDone();
    router.refresh();
  }, [state, onDone, router]);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="org" value={orgSlug} />
      <input type="hidden" name="clusterId" value={clusterId} />
      {state && !state.ok && !state.error.fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((f, i) => (
          <Field key={f.name} id={`cluster-${f.name}`} label={`${f.label} (${f.unit})`} errors={errors[f.name]}>
            <Input
              id={`cluster-${f.name}`}
              name={f.name}
              inputMode="decimal"
              autoFocus={i === 0}
              placeholder={f.placeholder}
              value={values[f.name] ?? ""}
              onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
              aria-invalid={Boolean(errors[f.name])}
              className="tabular-nums"
            />
          </Field>
        ))}
      </div>
      <FormFooter onCancel={onDone} submitLabel="Save prices" />
    </form>
  );
}
