import type { APIRoute, GetStaticPaths } from 'astro';
import { getBriefingsByTicker, type Briefing } from '../../../site/collections.ts';
import { calendarEvents } from '../../../site/feed-entries.ts';
import { calendarFile, upcoming } from '../../../outputs/calendar/ics-calendar.ts';
import { site } from '../../../site.config.ts';

export const getStaticPaths = (async () =>
  (await getBriefingsByTicker()).map((group) => ({
    params: { symbol: group.key },
    props: { briefings: group.items },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ briefings: Briefing[] }> = ({ params, props }) => {
  // A ticker's calendar keeps its whole history: it is short, and past dates give context.
  const events = upcoming(calendarEvents(props.briefings), new Date(0));
  const name = `${site.name}: ${params.symbol ?? ''} events`;
  return new Response(calendarFile(events, { name, host: new URL(site.url).host }), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
};
