/**
 * The components briefings use without an import, as the page and the feeds render them: the one map,
 * held by its type to the names the content check accepts (`src/content/mdx-component-names.ts`).
 */
import BarChart from '../components/mdx/BarChart.astro';
import PriceChart from '../components/mdx/PriceChart.astro';
import Sponsored from '../components/mdx/Sponsored.astro';
import Ticker from '../components/mdx/Ticker.astro';
import type { MdxComponentName } from '../content/mdx-component-names.ts';

export const mdxComponents = { Sponsored, Ticker, PriceChart, BarChart } satisfies Record<MdxComponentName, unknown>;
