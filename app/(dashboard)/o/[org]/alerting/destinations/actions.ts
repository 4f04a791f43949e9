"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actorOf, authorizeOrg } from "@/lib/auth/access";
import { createDestination } from "@/lib/alerting/destinations/create-destination";
import { deleteDestination } from "@/lib/alerting/destinations/delete-destination";
import { sendTestEvent, type TTestEventResult } from "@/lib/alerting/destinations/send-test-event";
import { updateDestination } from "@/lib/alerting/destinations/update-destination";
import { ZDestinationUpdate, ZNewDestination } from "@/lib/alerting/schemas";
import { fromError, fromZodError, ok, type TActionResult } from "@/lib/server/action-result";

const ZOrg = z.object({ org: z.string().min(1) });
const ZTarget = ZOrg.extend({ destinationId: z.string().min(1) });

type TSavedDestination = { id: string; name: string; keyReplaced: boolean };

const revalidate = (orgSlug: string) => revalidatePath(`/o/${orgSlug}/alerting`, "layout");

export async function createDestinationAction(
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<TSavedDestination>> {
  const parsed = ZNewDestination.extend(ZOrg.shape).safeParse(Object.fromEntries(form));
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const access = await authorizeOrg(parsed.data.org, "org:integrations:manage");
    const created = await createDestination(access.org.id, actorOf(access), parsed.data);
    revalidate(access.org.slug);
    return ok({ id: created.id, name: created.name, keyReplaced: false });
  } catch (err) {
    return fromError(err);
  }
}

export async function updateDestinationAction(
  _prev: unknown,
  form: FormData,
): Promise<TActionResult<TSavedDestination>> {
  const parsed = ZDestinationUpdate.extend(ZTarget.shape).safeParse(Object.fromEntries(form));
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const access = await authorizeOrg(parsed.data.org, "org:integrations:manage");
    const { org: _org, destinationId, ...input } = parsed.data;
    const updated = await updateDestination(access.org.id, actorOf(access), destinationId, input);
    revalidate(access.org.slug);
    return ok({ id: updated.id, name: updated.name, keyReplaced: Boolean(input.routingKey) });
  } catch (err) {
    return fromError(err);
  }
}

/**
 * Deletes from the destination's own page, then goes back to the list on the server: refreshing
 * the deleted destination's page first would show a 404.
 */
export async function deleteDestinationAction(_prev: unknown, form: FormData): Promise<TActionResult<null>> {
  const parsed = ZTarget.safeParse(Object.fromEntries(form));
  if (!parsed.success) return fromZodError(parsed.error);
  let orgSlug: string;
  try {
    const access = await authorizeOrg(parsed.data.org, "org:integrations:manage");
    await deleteDestination(access.org.id, actorOf(access), parsed.data.destinationId);
    orgSlug = access.org.slug;
    revalidate(orgSlug);
  } catch (err) {
    return fromError(err);
  }
  redirect(`/o/${orgSlug}/alerting/destinations`);
}

/** Sends a trigger and its resolve now; PagerDuty refusing them is data (shown), not an action error. */
export async function testDestinationAction(_prev: unknown, form: FormData): Promise<TActionResult<TTestEventResult>> {
  const parsed = ZTarget.safeParse(Object.fromEntries(form));
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    const access = await authorizeOrg(parsed.data.org, "org:integrations:manage");
    const result = await sendTestEvent(access.org.id, actorOf(access), parsed.data.destinationId);
    revalidate(access.org.slug);
    return ok(result);
  } catch (err) {
    return fromError(err);
  }
}
