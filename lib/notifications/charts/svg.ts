// Small helpers for the hand-written SVG charts of mails (rendered to PNG by render-png.ts).

/** Text and attribute values in SVG (XML): a label from user data cannot open a tag. */
export const escapeXml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

/** The font the PNG renderer loads (render-png.ts); the others are fallbacks for SVG viewers. */
export const CHART_FONT = "Geist, 'DejaVu Sans', Arial, sans-serif";

export const CHART_COLORS = {
  text: "#0f172a",
  muted: "#64748b",
  grid: "#e2e8f0",
  background: "#ffffff",
};

/** An upper bound for an axis: 1, 2 or 5 times a power of ten, at least `value` (and at least 1). */
export function niceCeiling(value: number): number {
  if (!Number.isFinite(value) || value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value)!;
  return step * power;
}

/** Cut long labels (a team or cluster name) so they stay inside their slot. */
export function clip(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, Math.max(1, max - 1))}…` : label;
}

export function text(
  x: number,
  y: number,
  content: string,
  options: { size?: number; anchor?: "start" | "middle" | "end"; color?: string; weight?: number } = {},
): string {
  const { size = 12, anchor = "start", color = CHART_COLORS.muted, weight = 400 } = options;
  return `<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}" text-anchor="${anchor}" fill="${color}">${escapeXml(content)}</text>`;
}

/** Horizontal grid lines at 0, half and the top of the axis, each labelled left of the plot. */
export function horizontalGrid(
  max: number,
  y: (value: number) => number,
  plot: { left: number; right: number },
  label: (value: number) => string,
): string {
  return [0, max / 2, max]
    .map((tick) => {
      const ty = y(tick);
      return (
        `<line x1="${plot.left}" x2="${plot.right}" y1="${ty}" y2="${ty}" stroke="${CHART_COLORS.grid}"/>` +
        text(plot.left - 6, ty + 4, label(tick), { size: 10, anchor: "end" })
      );
    })
    .join("");
}

/**
 * The common frame of a chart: its size (the input's, or the defaults), the plot inside the
 * margins, a value axis from 0 to a round number above the largest value, and the title drawn
 * first in the parts the chart adds to.
 */
export function chartFrame(
  input: { title: string; width?: number; height?: number },
  defaults: { width: number; height: number },
  margin: { top: number; right: number; bottom: number; left: number },
  values: number[],
) {
  const width = input.width ?? defaults.width;
  const height = input.height ?? defaults.height;
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const max = niceCeiling(Math.max(0, ...values));
  const y = (value: number) => margin.top + plotHeight - (Math.max(0, value) / max) * plotHeight;
  const parts: string[] = [text(0, 16, input.title, { size: 14, weight: 600, color: CHART_COLORS.text })];
  return { width, height, plotWidth, plotHeight, max, y, parts };
}

export function svgDocument(width: number, height: number, title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${CHART_FONT}" role="img">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect width="${width}" height="${height}" fill="${CHART_COLORS.background}"/>${body}</svg>`
  );
}
