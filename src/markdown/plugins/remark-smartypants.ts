/**
 * Smart punctuation (curly quotes, dashes, ellipses), as Astro's own `remark-smartypants` makes it, in
 * time linear in the briefing's length: the same two passes of `retext-smartypants` over the same text,
 * parsed by `LinearParseLatin` (`../latin-parser.ts`), which builds the tree parse-latin builds without
 * its quadratic time on long texts. Astro's plugin is turned off (`smartypants: false` in
 * `../pipeline.ts`) and this one runs in its place, first of the pipeline's remark plugins.
 *
 * Like remark-smartypants 3 with Astro's options (none): the text of every paragraph, heading and table
 * cell is read as one string (code as stand-in letters, and a space at the start of each block), so that
 * quotes pair across links and emphasis; quotes are set in that string, then dashes, ellipses and
 * backticks in each text node. Only what either pass can change is parsed: the first pass parses the
 * stretches of sentences that hold a straight quote, the second the text nodes that hold two dashes, dots
 * or backticks.
 */
import type { Nodes, Parents, Root } from 'mdast';
import { unified } from 'unified';
import retextSmartypants, { type Options } from 'retext-smartypants';
import retextStringify from 'retext-stringify';
import { visit } from 'unist-util-visit';
import { LinearParseLatin, type LatinParserWork } from '../latin-parser.ts';

/** Nodes whose text is read; the blocks among them start afresh (a quote at their start opens). */
const VISITED = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Inline JSX elements whose text is not prose. */
const IGNORED_ELEMENTS = new Set(['style', 'script']);

/** White space as parse-latin reads it. */
const SPACE = '[\\t-\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]';
/**
 * All the second pass can change: two dashes (an em dash), three dots or dots apart (an ellipsis), two
 * backticks or two straight single quotes (double quotes). Text without any is left as it is.
 */
export const SECOND_PASS = new RegExp(`--|\\.\\.\\.|\\.${SPACE}+\\.|\`\`|''`);

/**
 * Where the text may be cut for the first pass: after a sentence that ends in a word of five or more ASCII
 * letters or digits (nothing else between it and the white space before it) and a full stop, exclamation
 * or question mark, before white space and a capital letter. parse-latin ends a sentence there, and no
 * plugin of it looks across (it is a cut `LinearParseLatin` makes between sentences), so the quotes on
 * either side are set as in the whole text; a stretch without straight quotes is left as it is, unparsed.
 */
export const SENTENCE_CUT = new RegExp(`(?<=(?:^|${SPACE})[A-Za-z0-9]{5,}[.!?])(?=${SPACE}+[A-Z])`, 'g');
const QUOTE = /["']/;

/** The stretches of `text` between the cuts, those without quotes run together, and whether each has quotes. */
export function quoteStretches(text: string): { text: string; quotes: boolean }[] {
  const stretches: { start: number; end: number; quotes: boolean }[] = [];
  let start = 0;
  const cuts = [...text.matchAll(SENTENCE_CUT)].map((match) => match.index);
  for (const end of [...cuts, text.length]) {
    const quotes = QUOTE.test(text.slice(start, end));
    const last = stretches.at(-1);
    if (last && last.quotes === quotes) last.end = end;
    else stretches.push({ start, end, quotes });
    start = end;
  }
  return stretches.map(({ start: from, end, quotes }) => ({ text: text.slice(from, end), quotes }));
}

/** What the parser did for the last tree this plugin transformed. */
let work: LatinParserWork = noWork();

function noWork(): LatinParserWork {
  return { tokens: 0, sentences: 0, longestTokenRun: 0, longestSentenceRun: 0, longestParagraphRun: 0 };
}

/** The parser's work on the last tree (both passes): tokens and sentences read, the longest lists. */
export function latinParserWork(): LatinParserWork {
  return { ...work };
}

function retext(options: Options) {
  return unified()
    .use(function latinParser() {
      this.parser = (document: string) => {
        const parser = new LinearParseLatin();
        const tree = parser.parse(document);
        work.tokens += parser.work.tokens;
        work.sentences += parser.work.sentences;
        work.longestTokenRun = Math.max(work.longestTokenRun, parser.work.longestTokenRun);
        work.longestSentenceRun = Math.max(work.longestSentenceRun, parser.work.longestSentenceRun);
        work.longestParagraphRun = Math.max(work.longestParagraphRun, parser.work.longestParagraphRun);
        return tree;
      };
    })
    .use(retextStringify)
    .use(retextSmartypants, options);
}

const isLiteral = (node: Nodes): node is Extract<Nodes, { value: string }> =>
  'value' in node && typeof node.value === 'string';

function visited(node: Nodes, parent: Parents | undefined): boolean {
  if (!parent || !VISITED.has(node.type)) return false;
  const name = parent.type === 'mdxJsxTextElement' ? parent.name : undefined;
  if (parent.type === 'mdxJsxTextElement' && (typeof name !== 'string' || IGNORED_ELEMENTS.has(name))) return false;
  return isLiteral(node) || BLOCKS.has(node.type);
}

export default function remarkSmartypants() {
  // Quotes first, over the whole text (the stretches with quotes); what changes the text's length (dashes,
  // ellipses, backticks) after, in each text node, so the first pass's offsets still find each node's text.
  const quotes = retext({ ellipses: false, dashes: false, backticks: false });
  const rest = retext({ quotes: false });
  return (tree: Root) => {
    work = noWork();
    const nodes: Nodes[] = [];
    const parts: string[] = [];
    visit(tree, (node, _index, parent) => {
      if (!visited(node, parent)) return;
      if (isLiteral(node)) parts.push(node.type === 'text' ? node.value : 'A'.repeat(node.value.length));
      else parts.push(' ');
      nodes.push(node);
    });
    const text = quoteStretches(parts.join(''))
      .map((stretch) => (stretch.quotes ? quotes.processSync(stretch.text).toString() : stretch.text))
      .join('');
    let start = 0;
    for (const node of nodes) {
      if (!isLiteral(node)) {
        start += 1;
        continue;
      }
      const end = start + node.value.length;
      if (node.type === 'text') {
        const value = text.slice(start, end);
        node.value = SECOND_PASS.test(value) ? rest.processSync(value).toString() : value;
      }
      start = end;
    }
  };
}
