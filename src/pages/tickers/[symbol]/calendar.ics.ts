import type { APIRoute, GetStaticPaths } from 'astro';
import { calendarResponse } from '../../../site/calendars.ts';
import { getBriefingsByTicker, type Briefing } from '../../../site/collections.ts';
import { calendarKey, pagesToRender } from '../../../site/page-keys.ts';
import { feedRoutes } from '../../../site/routes.ts';

export const getStaticPaths = (async () =>
  pagesToRender(
    (await getBriefingsByTicker()).map((group) => ({
      params: { symbol: group.key },
      props: { briefings: group.items },
      cacheKey: calendarKey(group.items),
    })),
    ({ params }) => feedRoutes.tickerCalendar(params.symbol),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ briefings: Briefing[] }> = ({ params, props }) =>
  calendarResponse(`${params.symbol ?? ''} events`, props.briefings);
