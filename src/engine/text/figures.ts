/**
 * Figures in financial prose, found and parsed into structured values: money, percentages, basis and
 * percentage points, counts of things, multiples, quarters, dates and vote splits. The one module that
 * knows what a figure looks like; key developments, highlighting and checks all use it.
 */

import type { Figure, FigureKind } from './figure.ts';
import { figureConvention, internationalFigures } from './figures-international.ts';

export type { Figure, FigureKind } from './figure.ts';

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
// Headlines capitalise words: "$4.2 Billion Charge" is $4.2 billion.
const SCALE = String.raw`[Tt]rillion|[Bb]illion|[Mm]illion|[Tt]housand|tn|bn|mn|m|k`;
const WORD_SCALE = String.raw`[Tt]rillion|[Bb]illion|[Mm]illion`;
const SIGN = String.raw`[+\-−]?`;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_NAMES = String.raw`January|February|March|April|May|June|July|August|September|October|November|December`;
const MONTH_ABBREVIATIONS = String.raw`Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.`;
const MONTH = `(?:${MONTH_NAMES}|${MONTH_ABBREVIATIONS})`;

/** Things whose counts matter in market news. A count needs one of these after the number. */
const COUNTED = [
  'jobs',
  'roles',
  'positions',
  'posts',
  'employees',
  'workers',
  'staff',
  'people',
  'employees',
  'shares',
  'stores',
  'shops',
  'branches',
  'warehouses',
  'plants',
  'factories',
  'sites',
  'offices',
  'barrels',
  'customers',
  'users',
  'subscribers',
  'businesses',
  'companies',
  'banks',
  'members',
  'units',
  'vehicles',
  'cars',
  'homes',
  'flights',
  'aircraft',
  'planes',
  'ships',
  'contracts',
  'orders',
  'patients',
  'households',
  'wafers',
  'tonnes',
  'tons',
  'ounces',
  'deliveries',
  'weeks',
  'months',
  'days',
  'hours',
];

const CURRENCY_SYMBOLS: Record<string, string> = {
  US$: 'USD',
  C$: 'CAD',
  A$: 'AUD',
  HK$: 'HKD',
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
};
const CURRENCY_WORDS: Record<string, string> = {
  dollars: 'USD',
  euros: 'EUR',
  // "a 41 billion euro bid": the word as an adjective.
  euro: 'EUR',
  pounds: 'GBP',
  pence: 'GBP',
  yen: 'JPY',
  yuan: 'CNY',
  rupees: 'INR',
  francs: 'CHF',
  crowns: 'SEK',
  kronor: 'SEK',
  kroner: 'NOK',
};
/** "Danish crowns" are not Swedish ones: the adjective decides where the word alone is ambiguous. */
const CURRENCY_ADJECTIVES: Record<string, string> = {
  Swedish: 'SEK',
  Norwegian: 'NOK',
  Danish: 'DKK',
  Czech: 'CZK',
  Icelandic: 'ISK',
  Swiss: 'CHF',
};
/** Subunits named by their own word: 465 pence is 4.65 pounds. */
const SUBUNIT_WORDS = new Set(['pence']);
/** Powers of ten, so that "4.1 billion" is exactly 4100000000 (4.1 * 1e9 is not). */
const SCALE_EXPONENTS: Record<string, number> = {
  trillion: 12,
  tn: 12,
  billion: 9,
  bn: 9,
  million: 6,
  mn: 6,
  m: 6,
  thousand: 3,
  k: 3,
};
const ORDINAL_QUARTERS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };

/** Currency words as prose and headlines write them: "euros", "Euros", "EUROS". */
const currencyWords = Object.keys(CURRENCY_WORDS)
  .flatMap((word) => [word, word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()])
  .join('|');

const PATTERNS: readonly { kind: FigureKind; pattern: string }[] = [
  {
    kind: 'money',
    pattern: String.raw`(?<msign>${SIGN})(?<msym>US\$|C\$|A\$|HK\$|\$|€|£|¥)\s?(?<mnum>${NUMBER})(?:\s?(?<mscale>${SCALE})\b)?`,
  },
  {
    kind: 'money',
    pattern: String.raw`\b(?<ccode>USD|EUR|GBP|JPY|CHF|CAD|AUD|CNY|HKD)\s?(?<cnum>${NUMBER})(?:\s?(?<cscale>${SCALE})\b)?`,
  },
  { kind: 'money', pattern: String.raw`\b(?<cents>\d+(?:\.\d+)?)[\s-]cents?\b` },
  {
    kind: 'money',
    pattern: String.raw`\b(?<wnum>${NUMBER})(?:\s(?<wscale>${WORD_SCALE}))?\s(?:(?<wadj>${Object.keys(CURRENCY_ADJECTIVES).join('|')})\s)?(?<wcur>${currencyWords})\b`,
  },
  {
    kind: 'quarter',
    pattern: String.raw`\bQ(?<qn>[1-4])\s?(?<qy>\d{4})\b|\b(?<qord>first|second|third|fourth)[- ]quarter(?:\s+of)?\s+(?<qy2>\d{4})\b`,
  },
  {
    kind: 'date',
    pattern: String.raw`\b(?<dday>\d{1,2})\s(?<dmon>${MONTH})(?:\s(?<dyear>\d{4}))?(?![\d%])`,
  },
  {
    kind: 'date',
    pattern: String.raw`\b(?<amon>${MONTH})\s(?<aday>\d{1,2})(?:,\s(?<ayear>\d{4}))?(?![\d%.,]\d)(?!\s*(?:%|percent|billion|million))`,
  },
  { kind: 'date', pattern: String.raw`\b(?<ymon>${MONTH_NAMES})\s(?<yyear>(?:19|20)\d{2})\b` },
  {
    kind: 'percentage-points',
    pattern: String.raw`(?<ppsign>${SIGN})(?<ppnum>${NUMBER})\s?(?:pp|percentage points?)\b`,
  },
  { kind: 'percent', pattern: String.raw`(?<psign>${SIGN})(?<pnum>${NUMBER})\s?(?:%|percent\b|per cent\b)` },
  { kind: 'basis-points', pattern: String.raw`(?<bsign>${SIGN})(?<bnum>${NUMBER})\s?(?:basis points?|bps?)\b` },
  // A share split or exchange ratio: "a ratio of 1:10", "1:10 reverse split"; never a clock time.
  {
    kind: 'ratio',
    pattern: String.raw`(?<=\bratio of\s)(?<ratio>\d{1,3}:\d{1,3})\b|\b(?<ratio2>\d{1,3}:\d{1,3})(?=\s(?:reverse|share|stock|split|consolidation|ratio|basis)\b)`,
  },
  // "a 10-for-1 split" gives ten shares for one: the ratio 1:10, as the value says it.
  { kind: 'ratio', pattern: String.raw`\b(?<fornew>\d{1,3})-for-(?<forold>\d{1,3})\b` },
  { kind: 'vote', pattern: String.raw`\b(?<vote>\d{1,2}-\d{1,2})(?=\s(?:vote|split|decision|majority|ruling)\b)` },
  { kind: 'multiple', pattern: String.raw`\b(?<xnum>${NUMBER})\s?(?:x|times)(?=\s|$|[.,;])` },
  {
    kind: 'count',
    pattern: String.raw`\b(?<knum>${NUMBER})(?:\s(?<kscale>million|billion|thousand))?(?:\s(?<kadj>[a-z][a-z-]+))?\s(?<kunit>${COUNTED.join('|')})\b`,
  },
];

/** The name of each pattern's group in the scanner, made once: every figure found asks which matched. */
const PATTERN_GROUPS = PATTERNS.map((_, index) => `k${index}`);
const SCANNER = new RegExp(PATTERNS.map(({ pattern }, index) => `(?<k${index}>${pattern})`).join('|'), 'g');

function parseNumber(text: string): number {
  return Number(text.replace(/,/g, '').replace('−', '-'));
}

function signed(sign: string | undefined, value: number): number {
  return sign === '-' || sign === '−' ? -value : value;
}

function monthNumber(name: string): number {
  const key = name.toLowerCase().replace('.', '');
  return MONTHS.findIndex((month) => month.startsWith(key.slice(0, 3))) + 1;
}

function isoDate(year: string | undefined, month: number, day?: string): string {
  const mm = String(month).padStart(2, '0');
  if (day === undefined) return `${year}-${mm}`;
  const dd = day.padStart(2, '0');
  return year ? `${year}-${mm}-${dd}` : `--${mm}-${dd}`;
}

function scaled(value: number, scale: string | undefined): number {
  const exponent = scale ? (SCALE_EXPONENTS[scale.toLowerCase()] ?? 0) : 0;
  return Number(`${value}e${exponent}`);
}

/**
 * Every figure in `text`, left to right, none overlapping, read in the conventions of `locale` (BCP 47;
 * English when absent): "9,84 Euro" in German, "1兆2000億円" in Japanese.
 */
export function findFigures(text: string, locale?: string): Figure[] {
  const figures: Figure[] = [];
  // Every pattern has a digit in it; most sentences have none, and the scanner is long.
  if (!/[\d\uff10-\uff19]/.test(text)) return figures;
  const convention = figureConvention(locale);
  if (convention !== 'english') return internationalFigures(text, convention);
  // `exec` on the one scanner: `matchAll` would copy the long expression on every call, which doubled
  // the cost of scanning a briefing sentence by sentence. Nothing in the loop scans again.
  SCANNER.lastIndex = 0;
  for (let match = SCANNER.exec(text); match !== null; match = SCANNER.exec(text)) {
    const g = match.groups ?? {};
    const matched = match[0];
    const start = match.index;
    const figure = (kind: FigureKind, value: number | string, extra: Partial<Figure> = {}): Figure => ({
      kind,
      text: matched,
      start,
      end: start + matched.length,
      value,
      ...extra,
    });
    const kind = PATTERNS.find((_, index) => g[PATTERN_GROUPS[index] ?? ''] !== undefined)?.kind;
    if (g['mnum'] !== undefined) {
      const amount = signed(g['msign'], scaled(parseNumber(g['mnum']), g['mscale']));
      figures.push(figure('money', amount, { currency: CURRENCY_SYMBOLS[g['msym'] ?? '$'] ?? 'USD' }));
    } else if (g['cnum'] !== undefined) {
      figures.push(figure('money', scaled(parseNumber(g['cnum']), g['cscale']), { currency: g['ccode'] ?? 'USD' }));
    } else if (g['cents'] !== undefined) {
      figures.push(figure('money', parseNumber(g['cents']) / 100, { currency: 'USD' }));
    } else if (g['wnum'] !== undefined) {
      const word = (g['wcur'] ?? 'dollars').toLowerCase();
      const currency = CURRENCY_ADJECTIVES[g['wadj'] ?? ''] ?? CURRENCY_WORDS[word] ?? 'USD';
      const amount = scaled(parseNumber(g['wnum']), g['wscale']);
      figures.push(figure('money', SUBUNIT_WORDS.has(word) ? amount / 100 : amount, { currency }));
    } else if (kind === 'quarter') {
      const quarter = g['qn'] ? Number(g['qn']) : (ORDINAL_QUARTERS[g['qord'] ?? ''] ?? 0);
      figures.push(figure('quarter', `${g['qy'] ?? g['qy2']}-Q${quarter}`));
    } else if (g['dday'] !== undefined) {
      figures.push(figure('date', isoDate(g['dyear'], monthNumber(g['dmon'] ?? ''), g['dday'])));
    } else if (g['aday'] !== undefined) {
      figures.push(figure('date', isoDate(g['ayear'], monthNumber(g['amon'] ?? ''), g['aday'])));
    } else if (g['ymon'] !== undefined) {
      figures.push(figure('date', isoDate(g['yyear'], monthNumber(g['ymon']))));
    } else if (g['ppnum'] !== undefined) {
      figures.push(figure('percentage-points', signed(g['ppsign'], parseNumber(g['ppnum']))));
    } else if (g['pnum'] !== undefined) {
      figures.push(figure('percent', signed(g['psign'], parseNumber(g['pnum']))));
    } else if (g['bnum'] !== undefined) {
      figures.push(figure('basis-points', signed(g['bsign'], parseNumber(g['bnum']))));
    } else if (g['fornew'] !== undefined) {
      figures.push(figure('ratio', `${g['forold']}:${g['fornew']}`));
    } else if (kind === 'ratio') {
      figures.push(figure('ratio', g['ratio'] ?? g['ratio2'] ?? ''));
    } else if (g['vote'] !== undefined) {
      figures.push(figure('vote', g['vote']));
    } else if (g['xnum'] !== undefined) {
      figures.push(figure('multiple', parseNumber(g['xnum'])));
    } else if (g['knum'] !== undefined) {
      const count = scaled(parseNumber(g['knum']), g['kscale']);
      figures.push(figure('count', count, { unit: g['kunit'] ?? '' }));
    }
  }
  return figures;
}

/** The `value` attribute of a `<data>` element for a figure: "50000000000 USD", "13%", "2025-Q4". */
export function machineValue(figure: Figure): string {
  switch (figure.kind) {
    case 'money':
      return `${figure.value} ${figure.currency ?? ''}`.trim();
    case 'percent':
      return `${figure.value}%`;
    case 'percentage-points':
      return `${figure.value}pp`;
    case 'basis-points':
      return `${figure.value}bp`;
    case 'count':
      return `${figure.value} ${figure.unit ?? ''}`.trim();
    case 'multiple':
      return `${figure.value}x`;
    default:
      return String(figure.value);
  }
}

export interface TextSegment {
  readonly text: string;
  /** Present when this segment is a figure. */
  readonly figure?: Figure;
}

/** Splits text into plain runs and figures, for highlighting each figure on a page. */
export function segmentByFigures(text: string, figures: readonly Figure[] = findFigures(text)): TextSegment[] {
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const figure of [...figures].sort((a, b) => a.start - b.start)) {
    if (figure.start < cursor || text.slice(figure.start, figure.end) !== figure.text) continue;
    if (figure.start > cursor) segments.push({ text: text.slice(cursor, figure.start) });
    segments.push({ text: figure.text, figure });
    cursor = figure.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor) });
  return segments;
}
