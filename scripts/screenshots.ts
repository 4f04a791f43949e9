// Screenshots of pages as a signed-in user, with Debian's Chromium, for docs/screenshots/.
// Usage: BASE_URL=http://localhost:3000 EMAIL=owner@acme.example PASSWORD=… \
//        tsx scripts/screenshots.ts name=/o/acme other=/o/acme/clusters
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./lib/chromium";

const baseUrl = process.env.BASE_URL ?? "http://localhost:3000";
const outDir = path.resolve(process.env.OUT_DIR ?? "docs/screenshots");
const width = Number(process.env.WIDTH ?? 1280);
const height = Number(process.env.HEIGHT ?? 800);

async function main() {
  const targets = process.argv.slice(2).map((arg) => {
    // Only the first "=" separates the name: the path may have a query string with its own.
    const at = arg.indexOf("=");
    const [name, url] =
      at > 0 && !arg.slice(0, at).includes("/")
        ? [arg.slice(0, at), arg.slice(at + 1)]
        : [arg.replace(/\W+/g, "-").replace(/^-|-$/g, ""), arg];
    return { name, url };
  });
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const page = await browser.newPage({ viewport: { width, height } });
  if (process.env.EMAIL) {
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel("Email").fill(process.env.EMAIL);
    await page.getByLabel("Password").fill(process.env.PASSWORD ?? "");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  }
  for (const target of targets) {
    await page.goto(baseUrl + target.url, { waitUntil: "load" });
    // Streamed pages show their skeleton first; WAIT_MS gives slow ones time to fill in.
    await page.waitForTimeout(Number(process.env.WAIT_MS ?? 400));
    const file = path.join(outDir, `${target.name}.png`);
    await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE !== "0" });
    console.log(`${target.url} → ${path.relative(process.cwd(), file)}`);
  }
  await browser.close();
}

void main();
