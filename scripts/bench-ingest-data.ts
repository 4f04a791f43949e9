type TJson = Record<string, unknown>;

/** A minimized Trivy report (the agent's format) with `images` × `perImage` vulnerability rows. */
export function generatedTrivyReport(images: number, perImage: number, workloads: number): Buffer {
  const vulnerabilities: Record<string, TJson> = {};
  const severities = ["LOW", "MEDIUM", "MEDIUM", "HIGH", "CRITICAL"];
  const catalogSize = Math.max(perImage * 10, 1);
  for (let v = 0; v < catalogSize; v++) {
    const id = `CVE-2026-${String(10000 + v)}`;
    vulnerabilities[id] = {
      Title: `Generated vulnerability ${v} in libexample`,
      Description: `A generated advisory used by the ingest benchmark (${v}). `.repeat(4),
      Severity: severities[v % severities.length],
      VulnerabilityID: id,
      References: [`https://example.invalid/${id}`],
    };
  }
  const ids = Object.keys(vulnerabilities);
  const list: TJson[] = [];
  for (let i = 0; i < images; i++) {
    const owners: TJson[] = [];
    for (let w = i; w < workloads; w += images) {
      owners.push({ Kind: "Deployment", Name: `app-${w}`, Namespace: `ns-${w % 50}`, Container: "main" });
    }
    list.push({
      ID: `registry.example/app-${i}@sha256:${i.toString(16).padStart(64, "0")}`,
      Name: `registry.example/app-${i}:1.${i % 10}.0`,
      Owners: owners,
      Report: [
        {
          Target: `registry.example/app-${i} (debian 12.4)`,
          Vulnerabilities: Array.from({ length: perImage }, (_, n) => ({
            VulnerabilityID: ids[(i * 7 + n) % ids.length],
            PkgName: `lib${n % 40}`,
            InstalledVersion: "1.0.0",
            FixedVersion: n % 3 === 0 ? "" : "1.0.1",
          })),
        },
      ],
    });
  }
  return Buffer.from(JSON.stringify({ Images: list, Vulnerabilities: vulnerabilities }));
}
