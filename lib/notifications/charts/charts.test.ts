import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { costAreaSvg } from "./cost-area";
import { chartFontFile, chartRenderOptions, pngSize, svgToPng } from "./render-png";
import { severityBarsSvg } from "./severity-bars";
import { niceCeiling } from "./svg";

const bars = (label = "Critical") =>
  severityBarsSvg({
    title: "Open findings by severity",
    groups: [
      { label, current: 5, previous: 4, color: "#dc2626" },
      { label: "High", current: 12, previous: 14, color: "#ea580c" },
    ],
    currentLabel: "This week",
    previousLabel: "Last week",
  });

/** Pixels darker than mid-grey: text and bars, not the white background. */
function inkOf(svg: string): number {
  const pixels = new Resvg(svg, chartRenderOptions(1)).render().pixels;
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128 && pixels[i + 1] < 128) ink++;
  return ink;
}

describe("chart images", () => {
  it("renders PNGs at twice the chart's size", () => {
    const png = svgToPng(bars());
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(pngSize(png)).toEqual({ width: 1120, height: 440 });
    const cost = svgToPng(
      costAreaSvg({
        title: "Cost per day",
        points: [
          { label: "03-02", value: 150 },
          { label: "03-03", value: 180 },
        ],
        formatValue: (v) => `$${v}`,
      }),
    );
    expect(pngSize(cost)).toEqual({ width: 1120, height: 400 });
    expect(pngSize(Buffer.from("not a png"))).toBeNull();
  });

  it("draws text with the bundled font, which a server without fonts would leave out", () => {
    expect(chartFontFile()).toMatch(/Geist-Regular\.ttf$/);
    const words = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="200" height="40" fill="#fff"/><text x="8" y="28" font-size="20" fill="#000">Findings 12</text></svg>`;
    expect(inkOf(words)).toBeGreaterThan(100);
    const noFonts = new Resvg(words, { font: { loadSystemFonts: false } }).render().pixels;
    expect(noFonts.every((value) => value === 255)).toBe(true);
  });

  it("escapes labels from the data, so a team name cannot break the SVG", () => {
    const svg = bars('<script>"x"</script> & co');
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;&quot;x&quot;&lt;/scr");
    expect(pngSize(svgToPng(svg))).not.toBeNull();
    const cost = costAreaSvg({ title: "A & B", points: [{ label: "<d>", value: 1 }], formatValue: String });
    expect(cost).toContain("<title>A &amp; B: &lt;d&gt; 1</title>");
  });

  it("picks round axis maxima", () => {
    expect([0, 1, 3, 12, 20, 230, 1234].map(niceCeiling)).toEqual([1, 1, 5, 20, 20, 500, 2000]);
  });
});
