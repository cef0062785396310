import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublicBriefings, type Briefing } from '../../../site/collections.ts';
import { calendarEvents } from '../../../site/feed-entries.ts';
import { calendarFile, upcoming } from '../../../outputs/calendar/ics-calendar.ts';
import { site } from '../../../site.config.ts';

export const getStaticPaths = (async () =>
  (await getPublicBriefings())
    .filter((briefing) => briefing.data.events.length > 0)
    .map((briefing) => ({ params: { slug: briefing.id }, props: { briefing } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ briefing: Briefing }> = ({ props }) => {
  const events = upcoming(calendarEvents([props.briefing]), new Date(0));
  const name = `${site.name}: ${props.briefing.data.title}`;
  return new Response(calendarFile(events, { name, host: new URL(site.url).host }), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
};
