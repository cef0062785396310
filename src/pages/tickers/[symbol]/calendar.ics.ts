import type { APIRoute, GetStaticPaths } from 'astro';
import { calendarResponse } from '../../../site/calendars.ts';
import { getBriefingsByTicker, type Briefing } from '../../../site/collections.ts';
import { calendarKey } from '../../../site/page-keys.ts';

export const getStaticPaths = (async () =>
  (await getBriefingsByTicker()).map((group) => ({
    params: { symbol: group.key },
    props: { briefings: group.items },
    cacheKey: calendarKey(group.items),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ briefings: Briefing[] }> = ({ params, props }) =>
  calendarResponse(`${params.symbol ?? ''} events`, props.briefings);
