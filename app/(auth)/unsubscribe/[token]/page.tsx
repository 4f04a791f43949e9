import type { Metadata } from "next";
import { unsubscribeAction } from "@/lib/notifications/actions";
import { describeUnsubscribe } from "@/lib/notifications/unsubscribe";
import { UnsubscribeForm } from "@/components/notifications/unsubscribe-form";

export const dynamic = "force-dynamic";

// The link holds a secret: keep it out of the Referer header of anything this page links to.
export const metadata: Metadata = { title: "Unsubscribe", referrer: "no-referrer" };

// No sign-in: the signed token is the authority. Opening the link changes nothing (mail scanners
// open links too); the button does.
export default async function UnsubscribePage({ params }: PageProps<"/unsubscribe/[token]">) {
  const { token } = await params;
  const view = await describeUnsubscribe(token);
  if (!view) {
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">This link is not valid</h1>
        <p className="mt-2 text-sm text-slate-600">
          The unsubscribe link may have been cut off or changed. Open the whole link from the mail, or use the
          unsubscribe link of a newer mail.
        </p>
      </>
    );
  }
  return <UnsubscribeForm action={unsubscribeAction} token={token} view={view} />;
}
