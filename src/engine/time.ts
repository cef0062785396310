/**
 * Date-times as authors write them (ISO 8601 with a UTC offset) and as readers see them (in the
 * site's time zone, with the zone named).
 */

export const DATE_TIME_EXAMPLE = '2026-02-01T10:17:05+01:00';

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;
const ISO_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export type DateTimeParse =
  | { readonly ok: true; readonly instant: Date; readonly offsetMinutes: number }
  | { readonly ok: false; readonly reason: string };

/**
 * Parses an ISO 8601 date-time that must carry its UTC offset. A missing offset is an error rather
 * than silently UTC, and so is a calendar date that does not exist (31 February).
 */
export function parseOffsetDateTime(value: string): DateTimeParse {
  const text = value.trim();
  if (ISO_DATE_ONLY.test(text)) {
    return { ok: false, reason: `has no time of day and no UTC offset: write e.g. ${DATE_TIME_EXAMPLE}` };
  }
  const match = ISO_DATE_TIME.exec(text);
  if (!match) {
    return { ok: false, reason: `is not an ISO 8601 date-time: write e.g. ${DATE_TIME_EXAMPLE}` };
  }
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone] = match;
  if (zone === undefined) {
    return {
      ok: false,
      reason: `has no UTC offset, so its moment is ambiguous: add one, e.g. ${DATE_TIME_EXAMPLE}`,
    };
  }
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: `names a day that does not exist (${y}-${mo}-${d})` };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: `names a time of day that does not exist (${h}:${mi}:${s.padStart(2, '0')})` };
  }
  const offsetMinutes = zone === 'Z' ? 0 : parseOffset(zone);
  if (Math.abs(offsetMinutes) > 14 * 60) {
    return { ok: false, reason: `has a UTC offset beyond ±14:00 (${zone})` };
  }
  const milliseconds = Math.floor(Number(`0.${fraction || '0'}`) * 1000);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, milliseconds) - offsetMinutes * 60_000;
  return { ok: true, instant: new Date(utc), offsetMinutes };
}

const instants = new Map<string, number>();

/**
 * Like {@link parseOffsetDateTime}, for values already validated by the schema. Remembered per string:
 * listings sort and compare the same few thousand date-times many times.
 */
export function toInstant(value: string): Date {
  let time = instants.get(value);
  if (time === undefined) {
    const parsed = parseOffsetDateTime(value);
    if (!parsed.ok) throw new RangeError(`"${value}" ${parsed.reason}`);
    time = parsed.instant.getTime();
    instants.set(value, time);
  }
  return new Date(time);
}

function parseOffset(zone: string): number {
  const sign = zone.startsWith('-') ? -1 : 1;
  const [hours, minutes] = zone.slice(1).split(':').map(Number);
  return sign * ((hours ?? 0) * 60 + (minutes ?? 0));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether a string is a valid IANA time zone name for `Intl`. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export interface Clock {
  /** BCP 47 locale. */
  readonly locale: string;
  /** IANA time zone. */
  readonly timeZone: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, clock: Clock, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `${key}|${clock.locale}|${clock.timeZone}`;
  let cached = formatters.get(cacheKey);
  if (!cached) {
    cached = new Intl.DateTimeFormat(clock.locale, { ...options, timeZone: clock.timeZone });
    formatters.set(cacheKey, cached);
  }
  return cached;
}

/** "1 February 2026 at 10:17 CET": date, time and the zone's short name in the given clock. */
export function formatDateTime(instant: Date, clock: Clock): string {
  return formatter('datetime', clock, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(instant);
}

/**
 * "Thursday, 5 February 2026 at 14:00 Pacific Standard Time": for events, where the weekday helps
 * planning and the zone is often not the reader's, so it is named in full (short names of foreign
 * zones degrade to "GMT-8" in many locales).
 */
export function formatEventTime(instant: Date, clock: Clock): string {
  return formatter('event', clock, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'long',
  }).format(instant);
}

/** "14:00 PST": the time of day alone, with its zone. */
export function formatTimeOfDay(instant: Date, clock: Clock): string {
  return formatter('time', clock, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(instant);
}

/** "1 February 2026": the calendar date in the given clock's zone. */
export function formatDate(instant: Date, clock: Clock): string {
  return formatter('date', clock, { day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}

/** "February 2026" for a calendar month (month 1–12). */
export function formatMonth(year: number, month: number, locale: string): string {
  return formatter('month', { locale, timeZone: 'UTC' }, { month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

/**
 * An instant as ISO 8601 in a time zone's wall-clock time with that zone's offset at that instant:
 * `2026-02-01T10:17:05+01:00` for Europe/Berlin in winter, `…+02:00` in summer.
 */
export function isoInZone(instant: Date, timeZone: string): string {
  const parts = formatter(
    'iso',
    { locale: 'en-US', timeZone },
    {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    },
  ).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  const wall = `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`;
  const offsetMinutes = Math.round((Date.parse(`${wall}Z`) - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
  return `${wall}${offset}`;
}

export interface CalendarDate {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
}

/** The calendar date an instant falls on in a time zone (1 Feb 00:30 CET is still 31 Jan in New York). */
export function calendarDate(instant: Date, timeZone: string): CalendarDate {
  const [year = 0, month = 0, day = 0] = isoInZone(instant, timeZone).slice(0, 10).split('-').map(Number);
  return { year, month, day };
}
