import type { APIRoute, GetStaticPaths } from 'astro';
import { calendarResponse } from '../../../site/calendars.ts';
import { getPublicBriefings, type Briefing } from '../../../site/collections.ts';
import { calendarKey } from '../../../site/page-keys.ts';

export const getStaticPaths = (async () =>
  (await getPublicBriefings())
    .filter((briefing) => briefing.data.events.length > 0)
    .map((briefing) => ({
      params: { slug: briefing.id },
      props: { briefing },
      cacheKey: calendarKey([briefing]),
    }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ briefing: Briefing }> = ({ props }) =>
  calendarResponse(props.briefing.data.title, [props.briefing]);
