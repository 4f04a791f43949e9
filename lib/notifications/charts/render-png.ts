import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg, type ResvgRenderOptions } from "@resvg/resvg-js";

// SVG to PNG with resvg (no browser, no canvas). resvg draws text only with fonts it has loaded,
// and a fresh server may have no fonts at all, so the charts use Geist, the font Next.js ships in
// its own package (next/dist/compiled/@vercel/og/Geist-Regular.ttf, SIL Open Font License): it is
// present wherever the app is installed. Only when it cannot be found do system fonts stand in.

const GEIST = "next/dist/compiled/@vercel/og/Geist-Regular.ttf";

let fontFile: string | null | undefined;

/** The bundled font's path, resolved from the app's directory (not from a bundled chunk's). */
export function chartFontFile(): string | null {
  if (fontFile === undefined) {
    try {
      const resolved = createRequire(path.join(process.cwd(), "package.json")).resolve(GEIST);
      fontFile = existsSync(resolved) ? resolved : null;
    } catch {
      fontFile = null;
    }
  }
  return fontFile;
}

/** resvg's options: the bundled font only (fast, and the same image everywhere), else system fonts. */
export function chartRenderOptions(scale = 2): ResvgRenderOptions {
  const font = chartFontFile();
  return {
    fitTo: { mode: "zoom", value: scale },
    font: font
      ? { fontFiles: [font], loadSystemFonts: false, defaultFontFamily: "Geist", sansSerifFamily: "Geist" }
      : { loadSystemFonts: true },
    logLevel: "off",
  };
}

/** Renders `svg` at `scale` times its size (2: sharp on high-density screens at the same layout size). */
export function svgToPng(svg: string, options: { scale?: number } = {}): Buffer {
  return new Resvg(svg, chartRenderOptions(options.scale)).render().asPng();
}

/** Width and height from a PNG's IHDR chunk; null when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString("ascii", 12, 16) !== "IHDR") {
    return null;
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
