import type { APIRoute, GetStaticPaths } from 'astro';
import { calendarResponse } from '../../../site/calendars.ts';
import { getPublicBriefings, type Briefing } from '../../../site/collections.ts';

export const getStaticPaths = (async () =>
  (await getPublicBriefings())
    .filter((briefing) => briefing.data.events.length > 0)
    .map((briefing) => ({ params: { slug: briefing.id }, props: { briefing } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ briefing: Briefing }> = ({ props }) =>
  calendarResponse(props.briefing.data.title, [props.briefing]);
