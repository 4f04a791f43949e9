import { Card, CardBody, CardHeader } from "@/components/ui/card";

/** The local fakes `npm start` runs, each with its page of what Bumpers sent it; nothing when none runs. */
export function DemoServicesCard({ services }: { services: { label: string; description: string; href: string }[] }) {
  if (!services.length) return null;
  return (
    <Card>
      <CardHeader
        title="Local demo services"
        description="Stand-ins for the real services, run by npm start: connect to them here, then see what arrived."
      />
      <CardBody>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {services.map((s) => (
            <li key={s.label}>
              <a
                href={s.href}
                target="_blank"
                rel="noreferrer"
                className="block rounded-md border border-slate-200 px-3 py-2 hover:border-brand-300 hover:bg-brand-50"
              >
                <span className="block text-sm font-medium text-brand-700">{s.label} ↗</span>
                <span className="block text-xs text-slate-500">{s.description}</span>
              </a>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
