import type { CSSProperties } from "react";

// Inline styles of every mail (mail clients drop <style> blocks and ignore classes).

export const FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

export const styles = {
  body: { backgroundColor: "#f1f5f9", fontFamily: FONT, margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", borderRadius: 8, maxWidth: 600, margin: "0 auto", padding: "24px 32px" },
  wordmark: { fontSize: 20, fontWeight: 700, letterSpacing: "-0.02em", color: "#0f172a", margin: "0 0 16px" },
  heading: { fontSize: 20, lineHeight: "28px", fontWeight: 600, color: "#0f172a", margin: "0 0 8px" },
  subheading: { fontSize: 15, fontWeight: 600, color: "#0f172a", margin: "24px 0 8px" },
  text: { fontSize: 14, lineHeight: "22px", color: "#334155", margin: "0 0 12px" },
  muted: { fontSize: 13, lineHeight: "20px", color: "#64748b", margin: "0 0 8px" },
  footer: { fontSize: 12, lineHeight: "18px", color: "#64748b", margin: "0 0 6px" },
  link: { color: "#2563eb", textDecoration: "underline" },
  hr: { borderColor: "#e2e8f0", margin: "24px 0 16px" },
  button: {
    backgroundColor: "#0f172a",
    borderRadius: 6,
    color: "#ffffff",
    fontSize: 14,
    fontWeight: 600,
    padding: "10px 18px",
    textDecoration: "none",
  },
  table: { width: "100%", borderCollapse: "collapse", margin: "0 0 12px" },
  th: {
    fontSize: 12,
    fontWeight: 600,
    color: "#64748b",
    textAlign: "left",
    padding: "6px 8px",
    borderBottom: "1px solid #e2e8f0",
  },
  td: { fontSize: 13, color: "#0f172a", padding: "6px 8px", borderBottom: "1px solid #f1f5f9", verticalAlign: "top" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  badge: { borderRadius: 9999, fontSize: 12, fontWeight: 600, padding: "2px 8px", display: "inline-block" },
  code: { fontFamily: "ui-monospace, Menlo, Consolas, monospace", fontSize: 12, color: "#0f172a" },
} satisfies Record<string, CSSProperties>;
