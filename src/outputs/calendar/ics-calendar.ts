/**
 * iCalendar (RFC 5545) files of briefings' events. Times are written in UTC, DTSTAMP comes from the
 * content (the briefing's last change), and UIDs stay the same when an event is edited or rescheduled.
 */
import ical from 'ical-generator';
import type { BriefingEvent } from '../../content/schema/index.ts';
import { toInstant } from '../../engine/time.ts';

/** One event with what the calendar needs to know about its briefing. */
export interface CalendarEvent {
  readonly event: BriefingEvent;
  /** Position of the event in its briefing's list: with the briefing id, its permanent UID. */
  readonly index: number;
  readonly briefingId: string;
  readonly briefingTitle: string;
  /** Absolute URL of the briefing. */
  readonly briefingUrl: string;
  /** When the briefing last changed (ISO 8601): the event's DTSTAMP. */
  readonly stamp: string;
}

/**
 * How often a subscribed calendar app should fetch the file again (REFRESH-INTERVAL and
 * X-PUBLISHED-TTL): briefings land during the day, and apps left alone often wait a week.
 */
export const CALENDAR_REFRESH_SECONDS = 6 * 60 * 60;

/** Calls and meetings get an hour in the calendar; releases and data points are moments. */
const DURATION_MINUTES: Partial<Record<BriefingEvent['kind'], number>> = { call: 60, meeting: 60 };

export interface CalendarOptions {
  readonly name: string;
  /** Host name used in UIDs, e.g. tickerpress.example. */
  readonly host: string;
}

export function eventUid(event: Pick<CalendarEvent, 'briefingId' | 'index'>, host: string): string {
  return `${event.briefingId}-event-${event.index + 1}@${host}`;
}

/** Events starting at or after `from`, soonest first (ties by UID, so the order never varies). */
export function upcoming(events: readonly CalendarEvent[], from: Date): CalendarEvent[] {
  return events
    .filter((item) => toInstant(item.event.start) >= from)
    .sort(
      (a, b) =>
        toInstant(a.event.start).getTime() - toInstant(b.event.start).getTime() ||
        eventUid(a, 'x').localeCompare(eventUid(b, 'x')),
    );
}

export function calendarFile(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: options.host, product: 'tickerpress', language: 'EN' },
    ttl: CALENDAR_REFRESH_SECONDS,
  });
  for (const item of events) {
    const start = toInstant(item.event.start);
    const minutes = DURATION_MINUTES[item.event.kind];
    calendar.createEvent({
      id: eventUid(item, options.host),
      start,
      ...(minutes ? { end: new Date(start.getTime() + minutes * 60_000) } : {}),
      stamp: toInstant(item.stamp),
      summary: item.event.title,
      description: `From the briefing "${item.briefingTitle}": ${item.briefingUrl}`,
      url: item.event.url ?? item.briefingUrl,
    });
  }
  // RFC 5545 ends every content line, the last one too, with CRLF.
  return `${calendar.toString()}\r\n`;
}
