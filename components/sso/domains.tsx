import type { TSsoSettings } from "@/lib/sso/config/queries";
import { DataTable } from "@/components/ui/data-table";
import { DateOf } from "@/components/ui/data-table-cells";
import { EmptyState } from "@/components/ui/empty-state";
import { ClaimDomainForm, RemoveDomainButton } from "./domain-forms";

/** The email domains whose addresses go to this organization's IdP. */
export function Domains({
  orgSlug,
  domains,
  ownDomain,
}: {
  orgSlug: string;
  domains: TSsoSettings["domains"];
  /** The domain of the signed-in owner's own address: the one they may claim. */
  ownDomain: string;
}) {
  const claimedHere = domains.some((d) => d.domain === ownDomain);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        You can claim the domain of your own address,{" "}
        <strong className="font-medium text-slate-800">{ownDomain}</strong>: your address proved it is yours when you
        signed up or accepted your invitation. For another domain, an owner with an address in it claims it. Public
        email services (gmail.com, outlook.com…) cannot be claimed, and a domain belongs to one organization at most.
      </p>
      {claimedHere ? null : <ClaimDomainForm orgSlug={orgSlug} ownDomain={ownDomain} />}
      {domains.length ? (
        <DataTable
          rows={domains}
          rowKey={(d) => d.domain}
          caption="Claimed domains"
          wrapperClassName="rounded-md border border-slate-200"
          columns={[
            {
              key: "domain",
              header: "Domain",
              cell: (d) => (
                <>
                  <div className="font-medium break-all text-slate-900">{d.domain}</div>
                  <div className="text-xs text-slate-500">
                    Claimed{" "}
                    {d.claimedBy ? (
                      <>
                        by <span title={d.claimedBy.email}>{d.claimedBy.name}</span>{" "}
                      </>
                    ) : null}
                    on <DateOf at={d.createdAt} />
                  </div>
                </>
              ),
            },
            {
              key: "actions",
              header: <span className="sr-only">Actions</span>,
              className: "text-right",
              cell: (d) => <RemoveDomainButton orgSlug={orgSlug} domain={d.domain} />,
            },
          ]}
        />
      ) : (
        <EmptyState title="No domain claimed yet">
          Claim your domain so that the sign-in page sends its addresses to your identity provider.
        </EmptyState>
      )}
    </div>
  );
}
