"use client";

import { useEffect, useState } from "react";
import { listSlackChannelsAction } from "@/lib/notifications/actions";
import { slackChannelValue } from "@/lib/notifications/page-state";
import { CodeInput, Field, Select } from "@/components/ui/field";
import type { TOwnerRef } from "./connection-form";

type TChannel = { id: string; name: string; isPrivate: boolean; isMember: boolean };
type TListing =
  | { state: "loading" }
  | { state: "ok"; channels: TChannel[]; truncated: boolean }
  | { state: "failed"; message: string };

/** The channels a Slack app connection can see, asked from Slack when the picker appears. */
function useSlackChannels(owner: TOwnerRef, connectionId: string): TListing {
  const [listing, setListing] = useState<{ key: string; value: TListing } | null>(null);
  const key = `${owner.orgSlug}/${owner.teamSlug}/${connectionId}`;
  useEffect(() => {
    let current = true;
    void listSlackChannelsAction({ org: owner.orgSlug, team: owner.teamSlug, connectionId }).then((result) => {
      if (!current) return;
      setListing({
        key,
        value: result.ok
          ? { state: "ok", channels: result.data.channels, truncated: result.data.truncated }
          : { state: "failed", message: result.error.message },
      });
    });
    return () => {
      current = false;
    };
  }, [owner.orgSlug, owner.teamSlug, connectionId, key]);
  return listing?.key === key ? listing.value : { state: "loading" };
}

const channelLabel = (c: TChannel) =>
  `#${c.name}${c.isPrivate ? " (private)" : ""}${c.isMember ? "" : " (invite the app first)"}`;

/**
 * A Slack channel, posted as "id|#name" in the field `channel`. The channels come from Slack;
 * when it cannot list them (a revoked token, a missing scope), the channel id can be typed.
 */
export function SlackChannelPicker({
  owner,
  connectionId,
  id,
  label,
  errors,
  current,
  forTest = false,
}: {
  owner: TOwnerRef;
  connectionId: string;
  id: string;
  label: string;
  errors?: string[];
  /** The channel saved before (id and name), kept as a choice while the list loads. */
  current?: { id: string; name: string } | null;
  /** For "Send test": an empty choice (only check the token), and the bare id as the value. */
  forTest?: boolean;
}) {
  const listing = useSlackChannels(owner, connectionId);
  // A subscription keeps the channel's name for its lists; a test only needs where to post.
  const valueOf = (channelId: string, name: string) => (forTest ? channelId : slackChannelValue(channelId, name));
  if (listing.state === "failed") {
    return (
      <Field
        id={id}
        label={`${label} id`}
        errors={errors}
        hint={`Slack did not list the channels (${listing.message}). Type the channel's id (C0…), from its details in Slack.`}
      >
        <CodeInput name="channel" required={!forTest} defaultValue={current?.id ?? ""} placeholder="C0123456789" />
      </Field>
    );
  }
  const channels = listing.state === "ok" ? listing.channels : [];
  const keepCurrent = current && !channels.some((c) => c.id === current.id);
  return (
    <Field
      id={id}
      label={label}
      errors={errors}
      hint={
        listing.state === "loading"
          ? "Loading the channels from Slack…"
          : listing.truncated
            ? "Slack has more channels than listed here: the first 5,000."
            : "Public channels, and the private ones the app was invited to."
      }
    >
      <Select
        name="channel"
        required={!forTest}
        defaultValue={current ? valueOf(current.id, current.name) : ""}
        key={listing.state}
      >
        <option value="">{forTest ? "No channel: only check the token" : "Choose a channel…"}</option>
        {keepCurrent ? (
          <option value={valueOf(current.id, current.name)}>#{current.name.replace(/^#/, "")}</option>
        ) : null}
        {channels.map((c) => (
          <option key={c.id} value={valueOf(c.id, c.name)}>
            {channelLabel(c)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
