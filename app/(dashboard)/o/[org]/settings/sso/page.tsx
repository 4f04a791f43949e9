import type { Metadata, Route } from "next";
import Link from "next/link";
import { requireOrgPage } from "@/lib/auth/page-guards";
import { appBaseUrl } from "@/lib/server/app-url";
import { getSsoSettings } from "@/lib/sso/config/queries";
import { domainOfEmail } from "@/lib/sso/config/claim-domain";
import { AuditTable } from "@/components/audit/audit-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Domains } from "@/components/sso/domains";
import { GroupMappings } from "@/components/sso/group-mappings";
import { IdentityProviderForm } from "@/components/sso/identity-provider-form";
import { PolicyForm } from "@/components/sso/policy-form";
import { RegisterValues } from "@/components/sso/register-values";
import { Scim } from "@/components/sso/scim";
import { SsoStatusCard } from "@/components/sso/sso-status-card";
import { ValidatePanel } from "@/components/sso/validate-panel";

export const metadata: Metadata = { title: "Single sign-on" };

export default async function SsoSettingsPage({ params }: PageProps<"/o/[org]/settings/sso">) {
  const { org: orgSlug } = await params;
  const access = await requireOrgPage(orgSlug, "org:sso:manage");
  const settings = await getSsoSettings(access.org.id, await appBaseUrl());
  const slug = access.org.slug;
  return (
    <div className="space-y-6">
      <SsoStatusCard settings={settings} />
      <div className="grid items-start gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3">
          <CardHeader
            title="Identity provider"
            description="One connection per organization, OpenID Connect or SAML 2.0."
          />
          <CardBody>
            <IdentityProviderForm orgSlug={slug} connection={settings.connection} />
          </CardBody>
        </Card>
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader
              title="Register at your identity provider"
              description="Copy these into the IdP's app settings."
            />
            <CardBody>
              <RegisterValues settings={settings} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title="Validate configuration"
              description="Checks the saved settings against the identity provider; switching single sign-on on needs a pass."
            />
            <CardBody>
              {/* A new set of IdP settings starts a fresh panel: the last result was about the old ones. */}
              <ValidatePanel
                key={JSON.stringify(
                  settings.connection?.protocol === "oidc" ? settings.connection.oidc : settings.connection?.saml,
                )}
                orgSlug={slug}
                configured={settings.connection !== null}
              />
            </CardBody>
          </Card>
        </div>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3">
          <CardHeader title="Policy" />
          <CardBody>
            <PolicyForm
              orgSlug={slug}
              policy={settings.policy}
              protocol={settings.connection?.protocol ?? null}
              installSessionHours={settings.installSessionHours}
            />
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader
            title="Domains"
            description="Addresses in these domains sign in through your identity provider."
          />
          <CardBody>
            <Domains orgSlug={slug} domains={settings.domains} ownDomain={domainOfEmail(access.user.email)} />
          </CardBody>
        </Card>
      </div>
      <Card>
        <CardHeader title="Group mappings" description="IdP groups to org roles and team roles." />
        <CardBody>
          <GroupMappings orgSlug={slug} mappings={settings.mappings} teams={settings.teams} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="SCIM provisioning" description="Members and teams kept in step with your directory." />
        <Scim orgSlug={slug} baseUrl={settings.endpoints.scimBase} tokens={settings.scimTokens} />
      </Card>
      <Card>
        <CardHeader
          title="Recent changes"
          description={
            <>
              The last changes of single sign-on and SCIM tokens; everything is in the{" "}
              <Link
                href={`/o/${slug}/settings/audit` as Route}
                className="font-medium text-brand-600 hover:text-brand-700"
              >
                audit log
              </Link>
              .
            </>
          }
        />
        {settings.recentAudit.length ? (
          <AuditTable rows={settings.recentAudit} />
        ) : (
          <CardBody>
            <p className="text-sm text-slate-500">No changes yet.</p>
          </CardBody>
        )}
      </Card>
    </div>
  );
}
