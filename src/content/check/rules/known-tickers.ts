/** Rule: every ticker in `tickers:` is in `content/tickers.yaml`, or its pages lack a company name. */
import type { Finding } from '../../finding.ts';
import type { FrontmatterRule } from '../checked-file.ts';
import { escapeRegExp, lineOf } from '../finding-helpers.ts';

export const knownTickers: FrontmatterRule = ({ file, frontmatter }, { context }) =>
  frontmatter.tickers.flatMap((symbol, index): Finding[] => {
    if (context.tickers.has(symbol)) return [];
    const line = lineOf(file.source, new RegExp(`^tickers:|^\\s*-\\s*${escapeRegExp(symbol)}\\s*$`));
    return [
      {
        file: file.path,
        line,
        column: 1,
        severity: 'warning',
        field: `tickers[${index}]`,
        message: `"${symbol}" is not in content/tickers.yaml: its pages will show the symbol without a company name`,
      },
    ];
  });
