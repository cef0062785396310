import { describe, expect, it } from 'vitest';
import {
  calendarDate,
  formatDate,
  formatDateTime,
  formatEventTime,
  formatMonth,
  formatTimeOfDay,
  isoInZone,
  isTimeZone,
  parseOffsetDateTime,
  toInstant,
} from '../../src/engine/time.ts';

const berlin = { locale: 'en-GB', timeZone: 'Europe/Berlin' };
const newYork = { locale: 'en-US', timeZone: 'America/New_York' };

describe('parseOffsetDateTime', () => {
  it('reads a date-time with a positive offset as the right instant', () => {
    const parsed = parseOffsetDateTime('2026-02-01T10:17:05+01:00');
    expect(parsed).toEqual({ ok: true, instant: new Date('2026-02-01T09:17:05Z'), offsetMinutes: 60 });
  });

  it('reads Z, negative offsets, minutes without seconds and fractions', () => {
    expect(toInstant('2026-02-05T14:00:00-08:00').toISOString()).toBe('2026-02-05T22:00:00.000Z');
    expect(toInstant('2026-02-05T22:00Z').toISOString()).toBe('2026-02-05T22:00:00.000Z');
    expect(toInstant('2026-02-05T22:00:00.250+05:30').toISOString()).toBe('2026-02-05T16:30:00.250Z');
  });

  it('rejects a date-time without offset instead of assuming UTC', () => {
    const parsed = parseOffsetDateTime('2026-02-01T10:17:05');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(/no UTC offset/);
  });

  it('rejects a bare date, naming what is missing', () => {
    const parsed = parseOffsetDateTime('2026-02-01');
    expect(!parsed.ok && parsed.reason).toMatch(/no time of day and no UTC offset/);
  });

  it.each([
    ['2026-02-31T10:00:00+01:00', /day that does not exist \(2026-02-31\)/],
    ['2026-02-29T10:00:00+01:00', /day that does not exist/],
    ['2026-13-01T10:00:00+01:00', /day that does not exist/],
    ['2026-04-31T10:00:00+01:00', /day that does not exist/],
    ['2026-02-01T24:00:00+01:00', /time of day that does not exist/],
    ['2026-02-01T10:60:00+01:00', /time of day that does not exist/],
    ['2026-02-01T10:00:00+15:00', /beyond ±14:00/],
    ['1 February 2026', /not an ISO 8601 date-time/],
    ['01.02.2026 - 10:17:05', /not an ISO 8601 date-time/],
  ])('rejects %s', (value, reason) => {
    const parsed = parseOffsetDateTime(value);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(reason);
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseOffsetDateTime('2028-02-29T10:00:00+01:00').ok).toBe(true);
  });

  it('toInstant throws with the reason for invalid values', () => {
    expect(() => toInstant('2026-02-01T10:00:00')).toThrow(/no UTC offset/);
  });
});

describe('formatting in a time zone', () => {
  it('shows the Amazon briefing time in Central European Time with the zone named', () => {
    expect(formatDateTime(toInstant('2026-02-01T10:17:05+01:00'), berlin)).toBe('1 February 2026 at 10:17 CET');
  });

  it('converts a time written with another offset into the site zone', () => {
    expect(formatDateTime(toInstant('2026-01-30T16:00:00-05:00'), berlin)).toBe('30 January 2026 at 22:00 CET');
  });

  it('names summer time after the European change on 29 March 2026', () => {
    expect(formatDateTime(toInstant('2026-03-29T00:59:00Z'), berlin)).toBe('29 March 2026 at 01:59 CET');
    expect(formatDateTime(toInstant('2026-03-29T01:00:00Z'), berlin)).toBe('29 March 2026 at 03:00 CEST');
    expect(formatDateTime(toInstant('2026-10-25T00:59:00Z'), berlin)).toBe('25 October 2026 at 02:59 CEST');
    expect(formatDateTime(toInstant('2026-10-25T01:00:00Z'), berlin)).toBe('25 October 2026 at 02:00 CET');
  });

  it('follows the US change on 8 March 2026, three weeks before Europe', () => {
    expect(formatTimeOfDay(toInstant('2026-03-08T06:59:00Z'), newYork)).toBe('01:59 AM EST');
    expect(formatTimeOfDay(toInstant('2026-03-08T07:00:00Z'), newYork)).toBe('03:00 AM EDT');
    // Between the two changes New York is five hours behind Berlin instead of six.
    const instant = toInstant('2026-03-20T12:00:00Z');
    expect(formatTimeOfDay(instant, newYork)).toBe('08:00 AM EDT');
    expect(formatTimeOfDay(instant, berlin)).toBe('13:00 CET');
  });

  it('shows the Amazon earnings call at 2:00 PM Pacific, which is 23:00 in Berlin', () => {
    const call = toInstant('2026-02-05T14:00:00-08:00');
    expect(formatEventTime(call, { locale: 'en-GB', timeZone: 'America/Los_Angeles' })).toBe(
      'Thursday, 5 February 2026 at 14:00 Pacific Standard Time',
    );
    expect(formatTimeOfDay(call, berlin)).toBe('23:00 CET');
  });

  it('formats dates and months', () => {
    expect(formatDate(toInstant('2026-02-01T00:30:00+01:00'), berlin)).toBe('1 February 2026');
    expect(formatMonth(2026, 2, 'en-GB')).toBe('February 2026');
  });

  it('finds the calendar date an instant falls on in each zone', () => {
    const instant = toInstant('2026-02-01T00:30:00+01:00');
    expect(calendarDate(instant, 'Europe/Berlin')).toEqual({ year: 2026, month: 2, day: 1 });
    expect(calendarDate(instant, 'America/New_York')).toEqual({ year: 2026, month: 1, day: 31 });
  });

  it("writes an instant as ISO 8601 in a zone, with that zone's offset at that moment", () => {
    expect(isoInZone(new Date('2026-02-01T09:17:05Z'), 'Europe/Berlin')).toBe('2026-02-01T10:17:05+01:00');
    expect(isoInZone(new Date('2026-07-01T09:17:05.900Z'), 'Europe/Berlin')).toBe('2026-07-01T11:17:05+02:00');
    expect(isoInZone(new Date('2026-02-05T22:00:00Z'), 'America/Los_Angeles')).toBe('2026-02-05T14:00:00-08:00');
    expect(isoInZone(new Date('2026-02-05T22:00:00Z'), 'Asia/Kolkata')).toBe('2026-02-06T03:30:00+05:30');
    expect(toInstant(isoInZone(new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('recognises IANA zones', () => {
    expect(isTimeZone('America/Los_Angeles')).toBe(true);
    expect(isTimeZone('Pacific Time')).toBe(false);
  });
});
