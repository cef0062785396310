/**
 * Rule: every component a briefing uses is built in or imported, and the built-in ones get what they
 * need (a sponsor's name, a well-formed ticker symbol, a ticker with market data, alt text on `<img>`);
 * a `<Ticker>` of a ticker no briefing lists is a warning (it shows, without a link).
 */
import type { Finding, Severity } from '../../finding.ts';
import { MDX_COMPONENT_NAMES, RENAMED_MDX_COMPONENTS } from '../../mdx-component-names.ts';
import { TICKER_SYMBOL } from '../../../engine/tickers.ts';
import { notATickerSymbol } from '../../schema/messages.ts';
import type { BodyRule, Positioned } from '../checked-file.ts';
import { listOf } from '../finding-helpers.ts';
import { importedNames } from './esm-blocks.ts';
import { visit } from 'unist-util-visit';

interface JsxNode {
  readonly type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  readonly name: string | null;
  readonly attributes: readonly {
    readonly type: string;
    readonly name?: string;
    readonly value?: unknown;
    readonly position?: Positioned['position'];
  }[];
}

const BUILT_IN: ReadonlySet<string> = new Set(MDX_COMPONENT_NAMES);

export const componentUsage: BodyRule = ({ tree, findingAt }, { context, tickersInUse }) => {
  const findings: Finding[] = [];
  const imported = importedNames(tree);
  visit(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const report = (severity: Severity, message: string, at: Positioned = node) =>
      findings.push(findingAt(at, severity, message));
    const jsx = node as unknown as JsxNode;
    const name = jsx.name ?? '';
    const attribute = (key: string) => jsx.attributes.find((candidate) => candidate.name === key)?.value;
    if (/^[A-Z]/.test(name) && !BUILT_IN.has(name) && !imported.has(name.split('.')[0] ?? '')) {
      const renamed = RENAMED_MDX_COMPONENTS[name];
      report(
        'error',
        renamed
          ? `<${name}> is now called <${renamed}>: rename it (the attributes stay the same)`
          : `<${name}> is not a known component: use ${listOf(MDX_COMPONENT_NAMES.map((c) => `<${c}>`))}, or import it`,
      );
    }
    if (name === 'Sponsored') {
      const sponsor = attribute('sponsor');
      if (typeof sponsor !== 'string' || sponsor.trim() === '') {
        report('error', '<Sponsored> needs its label: sponsor="Who paid for it", shown next to "Ad"');
      }
    }
    if (name === 'Ticker') {
      // At the symbol when it is written, for a finding about its value.
      const symbol = jsx.attributes.find((candidate) => candidate.name === 'symbol');
      const at = symbol?.position ? symbol : node;
      const value = symbol?.value;
      if (value === undefined || value === null) {
        report('error', '<Ticker> needs its symbol: symbol="AMZN"');
      } else if (typeof value !== 'string') {
        report('error', '<Ticker symbol={…}> is an expression the check cannot read: write symbol="AMZN"', at);
      } else if (!TICKER_SYMBOL.test(value)) {
        report('error', notATickerSymbol(`<Ticker symbol="${value}">`), at);
      } else if (!tickersInUse.has(value)) {
        report(
          'warning',
          `<Ticker symbol="${value}"> names a ticker no published briefing lists, so it will not link to a ticker page`,
          at,
        );
      }
    }
    if (name === 'PriceChart') {
      const ticker = attribute('ticker');
      if (typeof ticker !== 'string' || !context.series?.(ticker)) {
        report(
          'error',
          `<PriceChart ticker="${String(ticker)}"> has no market data: add content/market/${String(ticker)}.csv`,
        );
      }
    }
    if (name === 'img' && typeof attribute('alt') !== 'string') {
      report('error', '<img> has no alt attribute: describe the image, or alt="" if it is decoration');
    }
  });
  return findings;
};
