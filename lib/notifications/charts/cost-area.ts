import { chartFrame, clip, horizontalGrid, svgDocument, text } from "./svg";

// Cost per day over the digest's period as a line over a filled area, with the axis's top and
// middle values and the first, middle and last day named. For the digest mail, rendered to PNG.

export type TCostAreaInput = {
  title: string;
  points: ReadonlyArray<{ label: string; value: number }>;
  /** How an axis value reads, e.g. "$1.2K". */
  formatValue: (value: number) => string;
  color?: string;
  width?: number;
  height?: number;
};

const MARGIN = { top: 32, right: 16, bottom: 28, left: 56 };

export function costAreaSvg(input: TCostAreaInput): string {
  const points = input.points;
  const { width, height, plotWidth, plotHeight, max, y, parts } = chartFrame(
    input,
    { width: 560, height: 200 },
    MARGIN,
    points.map((p) => p.value),
  );
  const color = input.color ?? "#2563eb";
  const x = (i: number) => MARGIN.left + (points.length > 1 ? (i / (points.length - 1)) * plotWidth : plotWidth / 2);
  const baseline = MARGIN.top + plotHeight;

  parts.push(horizontalGrid(max, y, { left: MARGIN.left, right: width - MARGIN.right }, input.formatValue));

  if (points.length > 0) {
    const line = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join("");
    const area = `${line}L${x(points.length - 1).toFixed(1)},${baseline}L${x(0).toFixed(1)},${baseline}Z`;
    parts.push(
      `<path d="${area}" fill="${color}" fill-opacity="0.12"/>`,
      `<path d="${line}" fill="none" stroke="${color}" stroke-width="2" stroke-linejoin="round"/>`,
    );
    const named = [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])];
    for (const i of named) {
      const anchor = points.length === 1 ? "middle" : i === 0 ? "start" : i === points.length - 1 ? "end" : "middle";
      parts.push(text(x(i), height - 8, clip(points[i].label, 16), { size: 11, anchor }));
    }
  }

  const summary = points.map((p) => `${p.label} ${input.formatValue(p.value)}`).join(", ");
  return svgDocument(width, height, `${input.title}: ${summary}`, parts.join(""));
}
