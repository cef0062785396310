/**
 * Figures written the way German, French and other decimal-comma languages write them ("9,84 Euro",
 * "1,5 Mrd. Euro", "200 Millionen Euro", "12 %"), and the way Japanese and Chinese do ("1兆2000億円",
 * "12%", full-width digits), parsed into the same structured values as English figures.
 */
import type { Figure, FigureKind } from './figure.ts';

/** Languages that write 1.234,5 rather than 1,234.5. */
const DECIMAL_COMMA_LANGUAGES = new Set(['de', 'fr', 'es', 'it', 'nl', 'pt', 'da', 'sv', 'nb', 'no', 'fi', 'pl', 'cs']);
const CJK_LANGUAGES = new Set(['ja', 'zh']);

/** How figures are written in a locale: `english`, `decimal-comma` or `cjk`. */
export function figureConvention(locale: string | undefined): 'english' | 'decimal-comma' | 'cjk' {
  const language = (locale ?? 'en').split('-')[0]?.toLowerCase() ?? 'en';
  if (DECIMAL_COMMA_LANGUAGES.has(language)) return 'decimal-comma';
  if (CJK_LANGUAGES.has(language)) return 'cjk';
  return 'english';
}

const EU_NUMBER = String.raw`\d{1,3}(?:[.\u202f\u00a0]\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const EU_SCALES: Record<string, number> = {
  billionen: 12,
  'bio.': 12,
  milliarden: 9,
  milliarde: 9,
  'mrd.': 9,
  mrd: 9,
  milliards: 9,
  milliard: 9,
  md: 9,
  mds: 9,
  millionen: 6,
  million: 6,
  millions: 6,
  'mio.': 6,
  mio: 6,
  tausend: 3,
  'tsd.': 3,
};
const EU_SCALE = String.raw`Billionen|Bio\.|Milliarden|Milliarde|Mrd\.?|milliards?|Mds?|Millionen|Million|millions?|Mio\.?|Tausend|Tsd\.`;
const EU_CURRENCIES: Record<string, string> = {
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  $: 'USD',
  usd: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  'us-dollar': 'USD',
  '£': 'GBP',
  gbp: 'GBP',
  pfund: 'GBP',
  chf: 'CHF',
  franken: 'CHF',
  francs: 'CHF',
  yen: 'JPY',
};
const EU_CURRENCY = String.raw`€|EUR|Euros?|US-Dollar|Dollars?|USD|£|GBP|Pfund|CHF|Franken|francs|Yen`;
const EU_COUNTED = String.raw`Stellen|Arbeitsplätze|Mitarbeiter(?:innen)?|Beschäftigte|Aktien|Filialen|Kunden|Fahrzeuge|Tonnen|emplois|postes|salariés|actions|magasins|clients|tonnes`;
const DE_MONTHS = [
  'januar',
  'februar',
  'märz',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'dezember',
];
const FR_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

const EU_PATTERNS: readonly string[] = [
  String.raw`(?<msym>€|\$|£|CHF|EUR|USD)\s?(?<mnum>${EU_NUMBER})(?:\s(?<mscale>${EU_SCALE}))?`,
  String.raw`(?<wnum>${EU_NUMBER})(?:\s(?<wscale>${EU_SCALE}))?\s?(?:d['’]|de\s)?(?<wcur>${EU_CURRENCY})(?![\p{L}])`,
  String.raw`(?<ppnum>[+\-−]?(?:${EU_NUMBER}))\s?(?:Prozentpunkte|points? de pourcentage)`,
  String.raw`(?<bnum>[+\-−]?(?:${EU_NUMBER}))\s?(?:Basispunkte|points? de base)`,
  String.raw`(?<pnum>[+\-−]?(?:${EU_NUMBER}))\s?(?:%|Prozent\b|pour\s?cent\b)`,
  String.raw`(?<dday>\d{1,2})\.\s(?<dmon>${DE_MONTHS.join('|')})(?:\s(?<dyear>\d{4}))?`,
  String.raw`(?<fday>\d{1,2}|1er)\s(?<fmon>${FR_MONTHS.join('|')})(?:\s(?<fyear>\d{4}))?`,
  String.raw`(?<knum>${EU_NUMBER})(?:\s(?<kscale>${EU_SCALE}))?\s(?<kunit>${EU_COUNTED})\b`,
];
const EU_SCANNER = new RegExp(EU_PATTERNS.map((pattern) => `(?<![\\d,.])(?:${pattern})`).join('|'), 'giu');

function euNumber(text: string): number {
  return Number(
    text
      .replace(/[.\u202f\u00a0]/g, '')
      .replace(',', '.')
      .replace('−', '-'),
  );
}

function withScale(value: number, scale: string | undefined, scales: Record<string, number>): number {
  const exponent = scale ? (scales[scale.toLowerCase()] ?? 0) : 0;
  return Number(`${value}e${exponent}`);
}

function isoDate(year: string | undefined, month: number, day: string): string {
  const mm = String(month).padStart(2, '0');
  const dd = day.replace('1er', '1').padStart(2, '0');
  return year ? `${year}-${mm}-${dd}` : `--${mm}-${dd}`;
}

function decimalCommaFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  EU_SCANNER.lastIndex = 0;
  for (let match = EU_SCANNER.exec(text); match !== null; match = EU_SCANNER.exec(text)) {
    const g = match.groups ?? {};
    const found = (kind: FigureKind, value: number | string, extra: Partial<Figure> = {}) =>
      figures.push({ kind, text: match[0], start: match.index, end: match.index + match[0].length, value, ...extra });
    if (g['mnum'] !== undefined) {
      found('money', withScale(euNumber(g['mnum']), g['mscale'], EU_SCALES), {
        currency: EU_CURRENCIES[(g['msym'] ?? '€').toLowerCase()] ?? 'EUR',
      });
    } else if (g['wnum'] !== undefined) {
      found('money', withScale(euNumber(g['wnum']), g['wscale'], EU_SCALES), {
        currency: EU_CURRENCIES[(g['wcur'] ?? 'euro').toLowerCase()] ?? 'EUR',
      });
    } else if (g['ppnum'] !== undefined) {
      found('percentage-points', euNumber(g['ppnum']));
    } else if (g['bnum'] !== undefined) {
      found('basis-points', euNumber(g['bnum']));
    } else if (g['pnum'] !== undefined) {
      found('percent', euNumber(g['pnum']));
    } else if (g['dday'] !== undefined) {
      found('date', isoDate(g['dyear'], DE_MONTHS.indexOf((g['dmon'] ?? '').toLowerCase()) + 1, g['dday']));
    } else if (g['fday'] !== undefined) {
      found('date', isoDate(g['fyear'], FR_MONTHS.indexOf((g['fmon'] ?? '').toLowerCase()) + 1, g['fday']));
    } else if (g['knum'] !== undefined) {
      found('count', withScale(euNumber(g['knum']), g['kscale'], EU_SCALES), { unit: g['kunit'] ?? '' });
    }
  }
  return figures;
}

/** Full-width digits and signs as ASCII, one character for one, so offsets stay those of the text. */
function halfWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff05\uff0e\uff0c\uff0b\uff0d]/g, (char) =>
    String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );
}

const CJK_UNITS: Record<string, number> = { 兆: 1e12, 億: 1e8, 亿: 1e8, 万: 1e4, 萬: 1e4 };
const CJK_CURRENCIES: Record<string, string> = {
  円: 'JPY',
  日元: 'JPY',
  ドル: 'USD',
  美元: 'USD',
  ユーロ: 'EUR',
  欧元: 'EUR',
  元: 'CNY',
  人民币: 'CNY',
  '¥': 'JPY',
  '￥': 'JPY',
  $: 'USD',
};
const CJK_AMOUNT = String.raw`(?:\d[\d,]*(?:\.\d+)?[兆億亿万萬])+(?:\d[\d,]*(?:\.\d+)?)?|\d[\d,]*(?:\.\d+)?`;
const CJK_SCANNER = new RegExp(
  [
    String.raw`(?<amount>${CJK_AMOUNT})\s?(?<cur>人民币|日元|美元|欧元|円|ドル|ユーロ|元)`,
    String.raw`(?<sym>[¥￥$])(?<symamount>${CJK_AMOUNT})`,
    String.raw`(?<pnum>[+\-]?\d+(?:\.\d+)?)\s?(?:%|パーセント)`,
    String.raw`(?<year>\d{4})年(?<month>\d{1,2})月(?<day>\d{1,2})日`,
    String.raw`(?<count>${CJK_AMOUNT})(?<unit>人|台|店|件|社)`,
  ].join('|'),
  'gu',
);

function cjkAmount(text: string): number {
  let total = 0;
  let rest = text.replace(/,/g, '');
  for (const [unit, value] of Object.entries(CJK_UNITS)) {
    const at = rest.indexOf(unit);
    if (at < 0) continue;
    total += Number(rest.slice(0, at)) * value;
    rest = rest.slice(at + 1);
  }
  return total + (rest ? Number(rest) : 0);
}

function cjkFigures(original: string): Figure[] {
  const text = halfWidth(original);
  const figures: Figure[] = [];
  CJK_SCANNER.lastIndex = 0;
  for (let match = CJK_SCANNER.exec(text); match !== null; match = CJK_SCANNER.exec(text)) {
    const g = match.groups ?? {};
    const start = match.index;
    const end = start + match[0].length;
    const found = (kind: FigureKind, value: number | string, extra: Partial<Figure> = {}) =>
      figures.push({ kind, text: original.slice(start, end), start, end, value, ...extra });
    if (g['amount'] !== undefined)
      found('money', cjkAmount(g['amount']), { currency: CJK_CURRENCIES[g['cur'] ?? '円'] ?? 'JPY' });
    else if (g['symamount'] !== undefined) {
      found('money', cjkAmount(g['symamount']), { currency: CJK_CURRENCIES[g['sym'] ?? '¥'] ?? 'JPY' });
    } else if (g['pnum'] !== undefined) found('percent', Number(g['pnum']));
    else if (g['year'] !== undefined) {
      found('date', `${g['year']}-${(g['month'] ?? '').padStart(2, '0')}-${(g['day'] ?? '').padStart(2, '0')}`);
    } else if (g['count'] !== undefined) found('count', cjkAmount(g['count']), { unit: g['unit'] ?? '' });
  }
  return figures;
}

/** Figures of a text in a decimal-comma or CJK convention (see `figureConvention`). */
export function internationalFigures(text: string, convention: 'decimal-comma' | 'cjk'): Figure[] {
  return convention === 'cjk' ? cjkFigures(text) : decimalCommaFigures(text);
}
