/** Small helpers for writing SVG as text. */
import { createHash } from 'node:crypto';

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}

/** A stable id for a chart's title and description, unique per chart content on a page. */
export function chartId(prefix: string, ...parts: readonly unknown[]): string {
  return `${prefix}-${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 8)}`;
}

export const round = (value: number) => Math.round(value * 10) / 10;
