import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyDevelopmentsBox } from '../../../src/engine/key-developments/key-developments-box.ts';
import {
  extractKeyDevelopments,
  rankSentences,
  shorten,
} from '../../../src/engine/key-developments/extract-key-developments.ts';
import { averageScores, evaluateCase, isEvaluationCase } from '../../../tools/key-developments-evaluation.ts';
import { collectParagraphs, parseMarkdown } from '../../../src/engine/text/paragraphs.ts';
import { splitFrontmatter } from '../../../src/content/frontmatter.ts';
import { wordCount } from '../../../src/engine/text/tokens.ts';

const paragraphsOf = (markdown: string, mdx = false) => collectParagraphs(parseMarkdown(markdown, { mdx }));

const AMAZON_FILE = resolve(
  import.meta.dirname,
  '../../../content/briefings/2026-02-01-amazon-openai-talks-job-cuts.mdx',
);
const amazonSource = readFileSync(AMAZON_FILE, 'utf8');
const amazonBody = splitFrontmatter(amazonSource)?.body ?? '';
const amazon = {
  title: 'Amazon in talks to invest up to $50 billion in OpenAI as it cuts 16,000 corporate roles',
  dek: 'Amazon is spending heavily on AI while trimming corporate costs.',
  paragraphs: paragraphsOf(amazonBody, true),
};

const TEASERS = `Acme Corp said quarterly revenue rose 12% to $3.4 billion, beating forecasts.

Should investors sell now? Our analysts have picked 10 better stocks - sign up to see the list.

Is Acme a buy after this report? Click here for the free report your broker won't show you.

Past performance is no guarantee of future results.

Acme also cut 1,200 jobs, about 4% of its staff, to save $150 million a year.

Shares gained 6.1% to $88.40 in New York.`;

describe('extractKeyDevelopments', () => {
  it('picks the Amazon facts, each bullet linked to its paragraph, and leaves the ad out', () => {
    const bullets = extractKeyDevelopments(amazon);
    expect(bullets).toHaveLength(3);
    const text = bullets.map((bullet) => bullet.text).join(' ');
    expect(text).toContain('$50 billion');
    expect(text).toContain('16,000 corporate roles');
    expect(text).not.toMatch(/buy or sell|Quorvix|analysis/i);
    const ids = new Set(amazon.paragraphs.map((paragraph) => paragraph.id));
    for (const bullet of bullets) expect(ids.has(bullet.paragraphId)).toBe(true);
  });

  it('never picks questions, teasers, calls to action or boilerplate', () => {
    const bullets = extractKeyDevelopments({
      title: 'Acme beats forecasts and cuts jobs',
      paragraphs: paragraphsOf(TEASERS),
    });
    const text = bullets.map((bullet) => bullet.text).join(' ');
    expect(bullets).toHaveLength(3);
    expect(text).not.toMatch(/\?|analysts have|sign up|click|past performance/i);
    const ranked = rankSentences({ title: 'Acme', paragraphs: paragraphsOf(TEASERS) });
    expect(ranked.filter((sentence) => sentence.score === undefined).map((sentence) => sentence.text)).toEqual([
      'Should investors sell now?',
      'Our analysts have picked 10 better stocks - sign up to see the list.',
      'Is Acme a buy after this report?',
      "Click here for the free report your broker won't show you.",
      'Past performance is no guarantee of future results.',
    ]);
  });

  it('never changes a number: every figure in a bullet stands in its source paragraph', () => {
    const evalDir = resolve(import.meta.dirname, '../../../../shared/eval/keydev');
    const cases = readdirSync(evalDir).filter((name) => name.endsWith('.json'));
    for (const name of cases) {
      const data: unknown = JSON.parse(readFileSync(join(evalDir, name), 'utf8'));
      if (!isEvaluationCase(data)) throw new Error(name);
      const paragraphs = paragraphsOf(data.body);
      for (const bullet of extractKeyDevelopments({ title: data.title, paragraphs })) {
        const source = paragraphs.find((paragraph) => paragraph.id === bullet.paragraphId)?.text ?? '';
        expect(bullet.figures.length).toBeGreaterThan(0);
        for (const figure of bullet.figures) expect(source, `${name}: ${figure.text}`).toContain(figure.text);
      }
    }
  });

  it('is deterministic', () => {
    expect(extractKeyDevelopments(amazon)).toEqual(extractKeyDevelopments(amazon));
  });

  it('returns the requested number of bullets, at most five', () => {
    expect(extractKeyDevelopments(amazon, { count: 1 })).toHaveLength(1);
    expect(extractKeyDevelopments(amazon, { count: 5 }).length).toBeLessThanOrEqual(5);
    expect(extractKeyDevelopments(amazon, { count: 9 }).length).toBeLessThanOrEqual(5);
  });

  it('handles a briefing without figures', () => {
    const paragraphs = paragraphsOf(
      'The board met to discuss the strategy for the coming year.\n\nDirectors agreed to review the supply chain and report back to shareholders.\n\nNo decision was taken on the chief executive succession plan.',
    );
    const bullets = extractKeyDevelopments({ title: 'Board reviews strategy', paragraphs });
    expect(bullets.length).toBeGreaterThan(0);
    for (const bullet of bullets) expect(bullet.figures).toEqual([]);
  });

  it('handles a 40-word briefing', () => {
    const paragraphs = paragraphsOf(
      'Acme Corp raised its dividend by 5% to $0.42 a share on Tuesday. The board also approved a buyback of up to $2 billion, the company said in a statement after the market closed.',
    );
    const bullets = extractKeyDevelopments({ title: 'Acme lifts dividend', paragraphs });
    expect(bullets.length).toBeGreaterThanOrEqual(1);
    expect(bullets.map((bullet) => bullet.text).join(' ')).toContain('$0.42');
  });

  it('returns nothing for an empty body and survives other scripts', () => {
    expect(extractKeyDevelopments({ title: 'Empty', paragraphs: [] })).toEqual([]);
    const japanese = paragraphsOf('トヨタ自動車は売上高が13%増加したと発表した。\n\n純利益は1兆円を超えた。');
    expect(() => extractKeyDevelopments({ title: 'トヨタ', paragraphs: japanese })).not.toThrow();
    const russian = paragraphsOf('Выручка компании выросла на 13% до 4,2 млрд долларов. Акции подорожали на 5%.');
    expect(() => extractKeyDevelopments({ title: 'Выручка', paragraphs: russian })).not.toThrow();
  });
});

describe('shorten', () => {
  it.each([
    [
      'According to a report from The Wall Street Journal, Amazon is in talks to invest up to $50 billion.',
      'Amazon is in talks to invest up to $50 billion.',
    ],
    ['Amazon plans to cut about 16,000 roles, CNBC reported.', 'Amazon plans to cut about 16,000 roles.'],
    [
      'Corvana Systems (NASDAQ: CRVS) reported revenue of $4.8 billion on Wednesday, according to LSEG data.',
      'Corvana Systems reported revenue of $4.8 billion.',
    ],
    [
      'Revenue from the segment, which houses its AI tools, jumped 31% to $1.94 billion.',
      'Revenue from the segment jumped 31% to $1.94 billion.',
    ],
    [
      'Inflation fell to 3.0% in December, official data showed last month, but services inflation held at 4.4%.',
      'Inflation fell to 3.0% in December, but services inflation held at 4.4%.',
    ],
  ])('shortens %s', (sentence, expected) => {
    expect(shorten(sentence)).toBe(expected);
  });

  it('keeps a clause that carries a figure', () => {
    expect(shorten('Shares rose, which added $2 billion to its value, in early trading.')).toContain('$2 billion');
  });
});

describe('keyDevelopmentsBox', () => {
  it('uses the editor bullets when the frontmatter gives them, and none when it says false', () => {
    const editor = keyDevelopmentsBox({ ...amazon, override: ['Talks on a $50 billion stake.'], count: 3 });
    expect(editor.source).toBe('editor');
    expect(editor.bullets[0]?.figures.map((figure) => figure.text)).toEqual(['$50 billion']);
    expect(editor.bullets[0]?.paragraphId).toBeUndefined();
    expect(keyDevelopmentsBox({ ...amazon, override: false, count: 3 })).toEqual({ source: 'off', bullets: [] });
    expect(keyDevelopmentsBox({ ...amazon, count: 3 }).source).toBe('generated');
  });
});

describe('quality on the development set (shared/eval/keydev)', () => {
  const evalDir = resolve(import.meta.dirname, '../../../../shared/eval/keydev');
  const results = readdirSync(evalDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const data: unknown = JSON.parse(readFileSync(join(evalDir, name), 'utf8'));
      if (!isEvaluationCase(data)) throw new Error(`${name} is not an evaluation case`);
      return evaluateCase(name, data);
    });
  const engine = averageScores(results.map((result) => result.engine));
  const lead3 = averageScores(results.map((result) => result.lead3));

  it('meets the floors: ROUGE-1 recall 0.60, figure recall 0.75, at most 25 words a bullet', () => {
    expect(results.length).toBeGreaterThanOrEqual(8);
    expect(engine.rouge1Recall).toBeGreaterThanOrEqual(0.6);
    expect(engine.figureRecall).toBeGreaterThanOrEqual(0.75);
    expect(engine.wordsPerBullet).toBeLessThanOrEqual(25);
  });

  it('beats lead-3 on every averaged score', () => {
    expect(engine.rouge1Recall).toBeGreaterThan(lead3.rouge1Recall);
    expect(engine.rouge2Recall).toBeGreaterThan(lead3.rouge2Recall);
    expect(engine.rouge1F1).toBeGreaterThan(lead3.rouge1F1);
    expect(engine.figureRecall).toBeGreaterThan(lead3.figureRecall);
  });

  it('keeps every bullet readable: 8 to 36 words, ending in a full stop', () => {
    for (const result of results) {
      for (const bullet of result.engineBullets) {
        expect(wordCount(bullet), bullet).toBeGreaterThanOrEqual(8);
        expect(wordCount(bullet), bullet).toBeLessThanOrEqual(36);
        expect(bullet).toMatch(/^[A-Z].*\.$/);
      }
    }
  });
});

describe("quality on the project's own cases (tests/fixtures/key-developments)", () => {
  const casesDir = resolve(import.meta.dirname, '../../fixtures/key-developments');
  const results = readdirSync(casesDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const data: unknown = JSON.parse(readFileSync(join(casesDir, name), 'utf8'));
      if (!isEvaluationCase(data)) throw new Error(`${name} is not an evaluation case`);
      return evaluateCase(name, data);
    });
  const engine = averageScores(results.map((result) => result.engine));
  const lead3 = averageScores(results.map((result) => result.lead3));

  it('meets the floors and beats lead-3 on every averaged score', () => {
    expect(results.length).toBeGreaterThanOrEqual(12);
    expect(engine.rouge1Recall).toBeGreaterThanOrEqual(0.6);
    expect(engine.figureRecall).toBeGreaterThanOrEqual(0.75);
    expect(engine.wordsPerBullet).toBeLessThanOrEqual(25);
    expect(engine.rouge1Recall).toBeGreaterThan(lead3.rouge1Recall);
    expect(engine.rouge2Recall).toBeGreaterThan(lead3.rouge2Recall);
    expect(engine.figureRecall).toBeGreaterThan(lead3.figureRecall);
  });
});
