import type { APIRoute, GetStaticPaths } from 'astro';
import { calendarResponse } from '../../../site/calendars.ts';
import { getPublicBriefings, type Briefing } from '../../../site/collections.ts';
import { calendarKey, pagesToRender } from '../../../site/page-keys.ts';
import { feedRoutes } from '../../../site/routes.ts';

export const getStaticPaths = (async () =>
  pagesToRender(
    (await getPublicBriefings())
      .filter((briefing) => briefing.data.events.length > 0)
      .map((briefing) => ({
        params: { slug: briefing.id },
        props: { briefing },
        cacheKey: calendarKey([briefing]),
      })),
    ({ props }) => feedRoutes.briefingCalendar(props.briefing.id),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ briefing: Briefing }> = ({ props }) =>
  calendarResponse(props.briefing.data.title, [props.briefing]);
