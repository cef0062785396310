import type { APIRoute } from 'astro';
import { getPublicBriefings } from '../site/collections.ts';
import { calendarEvents, calendarWindowStart } from '../site/feed-entries.ts';
import { calendarFile, upcoming } from '../outputs/calendar/ics-calendar.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = async () => {
  const events = upcoming(calendarEvents(await getPublicBriefings()), await calendarWindowStart());
  return new Response(calendarFile(events, { name: `${site.name}: events`, host: new URL(site.url).host }), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
};
