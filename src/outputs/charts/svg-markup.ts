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

/**
 * The light colour scheme of the site's stylesheet (`:root` in src/styles/global.css), which a test
 * keeps equal to it.
 */
export const LIGHT_SCHEME = {
  text: '#1b1f24',
  muted: '#4f5863',
  border: '#d3d9df',
  accent: '#0b4f7a',
  focus: '#b3541e',
} as const;

/**
 * Presentation attributes for each part of a chart. Feed readers show an item without the site's
 * stylesheet, where SVG fills every shape black and strokes none; with these a chart draws as on the
 * page in the light scheme. On the page the stylesheet still wins (a CSS rule outranks a presentation
 * attribute), so the dark scheme and print styles keep working.
 */
export const CHART_PAINT = {
  root: `font-family="system-ui, sans-serif" font-size="12" fill="${LIGHT_SCHEME.muted}"`,
  line: `fill="none" stroke="${LIGHT_SCHEME.accent}" stroke-width="2"`,
  area: `fill="${LIGHT_SCHEME.accent}" fill-opacity="0.1"`,
  grid: `stroke="${LIGHT_SCHEME.border}"`,
  axis: `stroke="${LIGHT_SCHEME.muted}"`,
  high: `stroke="${LIGHT_SCHEME.focus}" fill="${LIGHT_SCHEME.focus}"`,
  highLine: 'stroke-dasharray="4 4"',
  last: `fill="${LIGHT_SCHEME.text}" font-weight="700"`,
  event: `stroke="${LIGHT_SCHEME.muted}"`,
  eventLine: 'stroke-dasharray="2 3"',
  bar: `fill="${LIGHT_SCHEME.accent}"`,
  negativeBar: `fill="${LIGHT_SCHEME.focus}"`,
  label: `fill="${LIGHT_SCHEME.muted}"`,
} as const;
