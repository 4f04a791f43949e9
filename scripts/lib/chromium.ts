import { spawnSync } from "node:child_process";

/** The Chromium on PATH (Debian's: `apt-get install -y chromium`); Playwright never downloads one. */
export function chromiumPath(): string {
  if (process.env.BUMPERS_CHROMIUM) return process.env.BUMPERS_CHROMIUM;
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
    if (found) return found;
  }
  throw new Error("No Chromium on PATH. Install Debian's: `apt-get install -y chromium` (or set BUMPERS_CHROMIUM).");
}

// Headless on a closed network: without the background-networking flags Chromium keeps trying
// to reach Google's services and floods the machine with refused connections.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const chromiumLaunchOptions = () => ({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
