/**
 * Rule: a market snapshot can be completed from the market data, and the figures an author wrote agree
 * with `content/market/<SYMBOL>.csv` on that day.
 */
import type { Finding } from '../../finding.ts';
import { completeSnapshot, dayOf, deriveSnapshot, snapshotDisagreements } from '../../../engine/price-history.ts';
import type { FrontmatterRule } from '../checked-file.ts';
import { lineOf } from '../finding-helpers.ts';

export const marketAgreement: FrontmatterRule = ({ file, frontmatter }, { context }) => {
  const { market } = frontmatter;
  if (!market) return [];
  const rows = context.series?.(market.symbol);
  const at = { file: file.path, line: lineOf(file.source, /^market:/), column: 1, field: 'market' } as const;
  const completed = completeSnapshot(market, rows);
  if ('error' in completed) return [{ ...at, severity: 'error', message: completed.error }];
  if (!rows) return [];
  const derived = deriveSnapshot(rows, dayOf(market.asOf));
  if ('missing' in derived) return [];
  return snapshotDisagreements(market, derived).map((difference): Finding => ({
    ...at,
    severity: 'warning',
    message: `${difference} in content/market/${market.symbol}.csv on ${dayOf(market.asOf)}`,
  }));
};
