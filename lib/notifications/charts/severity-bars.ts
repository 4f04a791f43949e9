import { CHART_COLORS, chartFrame, clip, horizontalGrid, svgDocument, text } from "./svg";

// Grouped bars: one group per severity, this period's count beside the last period's (paler),
// with the value over each bar. For the digest mail, rendered to PNG.

export type TSeverityBarsInput = {
  title: string;
  groups: ReadonlyArray<{ label: string; current: number; previous: number; color: string }>;
  currentLabel: string;
  previousLabel: string;
  width?: number;
  height?: number;
};

const MARGIN = { top: 44, right: 16, bottom: 28, left: 40 };

export function severityBarsSvg(input: TSeverityBarsInput): string {
  const { width, height, plotWidth, plotHeight, y, max, parts } = chartFrame(
    input,
    { width: 560, height: 220 },
    MARGIN,
    input.groups.flatMap((g) => [g.current, g.previous]),
  );

  // Legend, right-aligned: a pale swatch for the last period, a dark one for this period.
  const legendY = 12;
  parts.push(
    `<rect x="${width - 250}" y="${legendY - 9}" width="10" height="10" rx="2" fill="#cbd5e1"/>`,
    text(width - 235, legendY, clip(input.previousLabel, 16), { size: 11 }),
    `<rect x="${width - 125}" y="${legendY - 9}" width="10" height="10" rx="2" fill="#334155"/>`,
    text(width - 110, legendY, clip(input.currentLabel, 16), { size: 11 }),
  );

  const plot = { left: MARGIN.left, right: width - MARGIN.right };
  parts.push(horizontalGrid(max, y, plot, (tick) => (Number.isInteger(tick) ? String(tick) : tick.toFixed(1))));

  const slot = plotWidth / Math.max(1, input.groups.length);
  const bar = Math.min(28, slot / 3);
  input.groups.forEach((group, i) => {
    const center = MARGIN.left + slot * i + slot / 2;
    const bars = [
      { value: group.previous, x: center - bar - 2, fill: group.color, opacity: 0.35 },
      { value: group.current, x: center + 2, fill: group.color, opacity: 1 },
    ];
    for (const b of bars) {
      const top = y(b.value);
      const h = MARGIN.top + plotHeight - top;
      parts.push(
        `<rect x="${b.x}" y="${top}" width="${bar}" height="${Math.max(h, 0)}" rx="2" fill="${b.fill}" fill-opacity="${b.opacity}"/>`,
        text(b.x + bar / 2, top - 4, String(b.value), { size: 10, anchor: "middle", color: CHART_COLORS.text }),
      );
    }
    parts.push(text(center, height - 8, clip(group.label, 14), { size: 11, anchor: "middle" }));
  });

  const summary = input.groups.map((g) => `${g.label} ${g.current} (${input.previousLabel}: ${g.previous})`).join(", ");
  return svgDocument(width, height, `${input.title}: ${summary}`, parts.join(""));
}
