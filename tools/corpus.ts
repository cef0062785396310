/**
 * A generator of realistic, deterministic briefings for benchmarks and tests at scale: the same seed
 * always gives the same files. The companies and figures are invented.
 */

/** Mulberry32: a small, fast, seedable PRNG (deterministic across platforms). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CORPUS_TICKERS = [
  'AAPL',
  'MSFT',
  'AMZN',
  'GOOGL',
  'META',
  'NVDA',
  'TSLA',
  'BRK.B',
  'JPM',
  'V',
  'MA',
  'UNH',
  'HD',
  'PG',
  'XOM',
  'CVX',
  'KO',
  'PEP',
  'COST',
  'WMT',
  'DIS',
  'NFLX',
  'ADBE',
  'CRM',
  'ORCL',
  'INTC',
  'AMD',
  'QCOM',
  'TXN',
  'IBM',
  'CSCO',
  'BA',
  'CAT',
  'GE',
  'MMM',
  'HON',
  'UPS',
  'FDX',
  'T',
  'VZ',
  'PFE',
  'MRK',
  'ABBV',
  'LLY',
  'BMY',
  'GS',
  'MS',
  'C',
  'BAC',
  'WFC',
  'SBUX',
  'MCD',
  'NKE',
  'LOW',
  'TGT',
  'F',
  'GM',
  'UBER',
  'SHOP',
  'SAP.DE',
] as const;

const COMPANIES = [
  'Arcwell Systems',
  'Brightline Foods',
  'Corvid Energy',
  'Dunmore Logistics',
  'Eastgate Pharma',
  'Fairhaven Bank',
  'Greystone Motors',
  'Harbourview Retail',
  'Ironleaf Mining',
  'Junction Telecom',
  'Kingsmere Software',
  'Lakeshore Steel',
];
const TAGS = [
  'earnings',
  'guidance',
  'deals',
  'job-cuts',
  'ai',
  'semiconductors',
  'rates',
  'energy',
  'retail',
  'banks',
  'dividends',
  'buybacks',
  'ipo',
  'regulation',
  'autos',
  'pharma',
  'cloud',
  'consumer',
  'europe',
  'china',
];
const SOURCES = ['Reuters', 'Bloomberg News', 'The Wall Street Journal', 'Financial Times', 'CNBC', 'Company filing'];
const VERBS_UP = ['rose', 'climbed', 'jumped', 'gained', 'increased'];
const VERBS_DOWN = ['fell', 'slipped', 'dropped', 'declined', 'slid'];
const METRICS = ['revenue', 'operating profit', 'net income', 'free cash flow', 'adjusted earnings', 'gross margin'];
const QUARTERS = ['first', 'second', 'third', 'fourth'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface GeneratedBriefing {
  /** File name, e.g. `2024-03-05-arcwell-systems-042.mdx`. */
  readonly name: string;
  readonly source: string;
}

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

function money(rng: () => number): string {
  return rng() < 0.5 ? `$${(1 + rng() * 90).toFixed(1)} billion` : `$${Math.round(20 + rng() * 900)} million`;
}

function percent(rng: () => number): string {
  return `${(0.5 + rng() * 30).toFixed(1)}%`;
}

function sentence(rng: () => number, company: string, year: number): string {
  const metric = pick(rng, METRICS);
  switch (Math.floor(rng() * 8)) {
    case 0:
      return `${company} said ${metric} ${pick(rng, VERBS_UP)} ${percent(rng)} to ${money(rng)} in the ${pick(rng, QUARTERS)} quarter of ${year}.`;
    case 1:
      return `Shares of ${company} ${pick(rng, VERBS_DOWN)} ${percent(rng)} to $${(10 + rng() * 400).toFixed(2)} in early trading in New York.`;
    case 2:
      return `The company plans to cut about ${Math.round(200 + rng() * 9000).toLocaleString('en-US')} jobs, or roughly ${Math.round(2 + rng() * 12)}% of its workforce, according to people familiar with the matter.`;
    case 3:
      return `Analysts polled by ${pick(rng, SOURCES)} had expected ${metric} of ${money(rng)}, and several lowered their price targets after the report.`;
    case 4:
      return `${company} expects full-year ${metric} of between ${money(rng)} and ${money(rng)}, compared with a previous forecast it gave in ${pick(rng, MONTHS)}.`;
    case 5:
      return `Management said demand from large customers remained steady, while smaller clients delayed orders as borrowing costs stayed high.`;
    case 6:
      return `The board approved a share buyback of up to ${money(rng)} and raised the quarterly dividend by ${percent(rng)}.`;
    default:
      return `Investors will look for more detail on costs when ${company} reports results on ${1 + Math.floor(rng() * 28)} ${pick(rng, MONTHS)} ${year + 1}.`;
  }
}

/**
 * A briefing body of about `words` words in the corpus's style, paragraphs of five sentences with a
 * section heading every ten paragraphs: a pasted filing or a long analysis, for measuring how cost
 * grows with length.
 */
export function longBody(words: number, seed = 1): string {
  const rng = random(seed);
  const company = pick(rng, COMPANIES);
  const paragraphs: string[] = [];
  let total = 0;
  while (total < words) {
    if (paragraphs.length % 11 === 10) paragraphs.push(`## ${pick(rng, METRICS)} in ${2020 + Math.floor(rng() * 6)}`);
    const paragraph = Array.from({ length: 5 }, () => sentence(rng, company, 2026)).join(' ');
    total += paragraph.split(/\s+/).length;
    paragraphs.push(paragraph);
  }
  return paragraphs.join('\n\n');
}

/**
 * A whole briefing (valid frontmatter and a body of `longBody(words, seed)` in which what management
 * said is quoted, so that smart punctuation has quotes to set, as in a real briefing), as a `.mdx`
 * file's text: for measuring the content check and the MDX compile on one long briefing.
 */
export function longBriefing(words: number, seed = 1): string {
  const body = longBody(words, seed).replaceAll(
    'Management said demand from large customers remained steady,',
    'Management said: "Demand from large customers remained steady,"',
  );
  return [
    '---',
    'title: Bellmare Retail to close 120 stores and cut 2,300 jobs',
    'dek: The fictional department-store chain will shut about a fifth of its stores by the end of 2026.',
    'publishedAt: 2026-03-30T09:15:00+02:00',
    'author: demo-writer',
    'tickers: [BLMR]',
    'tags: [retail, job-cuts]',
    'demo: true',
    'sources:',
    '  - name: Bellmare Retail announcement (fictional)',
    '---',
    '',
    body,
    '',
  ].join('\n');
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

/** `count` briefings from `seed`, with dates spread over the five years before `end`. */
export function generateCorpus(count: number, seed = 1, end = Date.UTC(2026, 10, 1)): GeneratedBriefing[] {
  const rng = random(seed);
  const span = 5 * 365 * 86_400_000;
  return Array.from({ length: count }, (_, index) => {
    const company = pick(rng, COMPANIES);
    const published = new Date(end - Math.floor(rng() * span));
    published.setUTCSeconds(0, 0);
    const year = published.getUTCFullYear();
    const iso = published.toISOString().replace('.000Z', 'Z');
    const tickers = [...new Set(Array.from({ length: 1 + Math.floor(rng() * 3) }, () => pick(rng, CORPUS_TICKERS)))];
    const tags = [...new Set(Array.from({ length: 1 + Math.floor(rng() * 3) }, () => pick(rng, TAGS)))];
    const headline = sentence(rng, company, year).replace(/\.$/, '');
    const lines = [
      '---',
      `title: ${yamlString(headline.length > 150 ? `${headline.slice(0, 147)}...` : headline)}`,
      `dek: ${yamlString(sentence(rng, company, year))}`,
      `publishedAt: ${iso}`,
      `author: ${rng() < 0.5 ? 'markets-desk' : 'demo-writer'}`,
      `tickers: [${tickers.join(', ')}]`,
      `tags: [${tags.join(', ')}]`,
      'demo: true',
      'sources:',
      `  - name: ${pick(rng, SOURCES)}`,
    ];
    if (rng() < 0.3) {
      const high = 50 + rng() * 400;
      lines.push(
        'market:',
        `  symbol: ${tickers[0]}`,
        `  close: ${(high * (0.7 + rng() * 0.3)).toFixed(2)}`,
        '  currency: USD',
        `  asOf: ${iso}`,
        `  high52Week: ${high.toFixed(2)}`,
      );
    }
    if (rng() < 0.2) {
      const start = new Date(published.getTime() + (3 + Math.floor(rng() * 40)) * 86_400_000)
        .toISOString()
        .replace('.000Z', 'Z');
      lines.push(
        'events:',
        `  - title: ${yamlString(`${company} results call`)}`,
        '    kind: call',
        `    start: ${start}`,
      );
    }
    lines.push('---', '');
    // Paragraphs run to about 100 words, so stopping past 400–600 keeps the body within 400–700.
    const words = 400 + Math.floor(rng() * 200);
    let written = 0;
    let section = 0;
    while (written < words) {
      const paragraph = Array.from({ length: 2 + Math.floor(rng() * 3) }, () => sentence(rng, company, year)).join(' ');
      lines.push(paragraph, '');
      written += paragraph.split(' ').length;
      if (written > 150 * (section + 1)) {
        section += 1;
        lines.push(`## ${pick(rng, ['The quarter', 'Outlook', 'Costs', 'Market reaction', 'What analysts say'])}`, '');
        if (rng() < 0.3) {
          lines.push('| Measure | Previous | Latest |', '| --- | --- | --- |');
          for (const metric of METRICS.slice(0, 3)) lines.push(`| ${metric} | ${money(rng)} | ${money(rng)} |`);
          lines.push('');
        }
      }
    }
    const slug = company.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const date = iso.slice(0, 10);
    return { name: `${date}-${slug}-${String(index).padStart(5, '0')}.mdx`, source: `${lines.join('\n')}\n` };
  });
}
