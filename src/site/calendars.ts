/** Calendar files of the loaded briefings' events: the site's, each ticker's and each briefing's. */
import { modifiedAt, lastBuildDate } from '../outputs/feed/feed-documents.ts';
import { calendarFile, upcoming, type CalendarEvent } from '../outputs/calendar/ics-calendar.ts';
import { site } from '../site.config.ts';
import { changeDates, getPublicBriefings, type Briefing } from './collections.ts';
import { absolute, routes } from './routes.ts';

/** Every event of the given briefings, with what its calendar entry needs. */
export function calendarEvents(briefings: readonly Briefing[]): CalendarEvent[] {
  return briefings.flatMap((briefing) =>
    briefing.data.events.map((event, index) => ({
      event,
      index,
      briefingId: briefing.id,
      briefingTitle: briefing.data.title,
      briefingUrl: absolute(routes.briefing(briefing.id)),
      stamp: modifiedAt(changeDates(briefing)).toISOString(),
    })),
  );
}

/** The site calendar starts this long before the newest change in all content. */
export async function calendarWindowStart(): Promise<Date> {
  const newest = lastBuildDate((await getPublicBriefings()).map(changeDates));
  return new Date(newest.getTime() - site.calendarLookbackDays * 86_400_000);
}

/**
 * An .ics response named `${site.name}: ${title}` with the briefings' events from `from` on (all of
 * them by default: a ticker's or a briefing's calendar is short, and past dates give context).
 */
export function calendarResponse(title: string, briefings: readonly Briefing[], from = new Date(0)): Response {
  const events = upcoming(calendarEvents(briefings), from);
  return new Response(calendarFile(events, { name: `${site.name}: ${title}`, host: new URL(site.url).host }), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
}
