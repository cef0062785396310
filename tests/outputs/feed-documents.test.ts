import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFile, eventUid, upcoming, type CalendarEvent } from '../../src/outputs/calendar/ics-calendar.ts';
import { findFigures } from '../../src/engine/text/figures.ts';
import {
  changeNotes,
  jsonFeed,
  lastBuildDate,
  modifiedAt,
  rssFeed,
  summaryHtml,
  type FeedEntry,
} from '../../src/outputs/feed/feed-documents.ts';

const clock = { locale: 'en-GB', timeZone: 'Europe/Berlin' };

const channelOf = (feedUrl: string) => ({
  title: 'T',
  description: 'D',
  homePageUrl: 'https://t.example/',
  feedUrl,
  locale: 'en-GB',
});

const entry = (overrides: Partial<FeedEntry> = {}): FeedEntry => ({
  id: 'amazon',
  url: 'https://t.example/briefings/amazon/',
  title: 'Amazon in talks',
  dek: 'A dek & more.',
  publishedAt: '2026-02-01T10:17:05+01:00',
  authorName: 'Desk',
  tickers: ['AMZN'],
  tags: ['ai'],
  keyDevelopments: [{ text: 'Talks on up to $50 billion.', figures: findFigures('Talks on up to $50 billion.') }],
  contentHtml: '<p>Body</p>',
  ...overrides,
});

describe('feed entries', () => {
  it('take their last change from publication, update or correction, never from the clock', () => {
    const updated = entry({ updatedAt: '2026-02-01T14:00:00+01:00' });
    const corrected = entry({ latestCorrection: { at: '2026-02-02T09:00:00+01:00', text: 'Fixed a figure.' } });
    expect(modifiedAt(entry()).toISOString()).toBe('2026-02-01T09:17:05.000Z');
    expect(modifiedAt(updated).toISOString()).toBe('2026-02-01T13:00:00.000Z');
    expect(lastBuildDate([entry(), updated, corrected]).toISOString()).toBe('2026-02-02T08:00:00.000Z');
    expect(lastBuildDate([]).getTime()).toBe(0);
  });

  it('summarise the dek, key developments, update and latest correction', () => {
    const html = summaryHtml(
      entry({
        updatedAt: '2026-02-01T14:00:00+01:00',
        latestCorrection: { at: '2026-02-01T15:00:00+01:00', text: 'Fixed <b>x</b>.' },
      }),
      clock,
    );
    expect(html).toBe(
      '<p>A dek &amp; more.</p><ul><li>Talks on up to $50 billion.</li></ul><p><em>Updated 1 February 2026 at 14:00 CET.</em></p><p><em>Correction (1 February 2026 at 15:00 CET): Fixed &lt;b&gt;x&lt;/b&gt;.</em></p>',
    );
    expect(changeNotes(entry(), clock)).toEqual([]);
  });

  it('make RSS items with the permanent link, categories, author and a content-derived lastBuildDate', () => {
    const feed = rssFeed(
      {
        title: 'T',
        description: 'D',
        homePageUrl: 'https://t.example/',
        feedUrl: 'https://t.example/rss.xml',
        locale: 'en-GB',
      },
      [entry({ updatedAt: '2026-02-01T14:00:00+01:00' })],
      clock,
    );
    expect(feed.customData).toContain('<lastBuildDate>Sun, 01 Feb 2026 13:00:00 GMT</lastBuildDate>');
    expect(feed.customData).toContain(
      '<atom:link href="https://t.example/rss.xml" rel="self" type="application/rss+xml"/>',
    );
    expect(feed.items[0]).toMatchObject({
      link: 'https://t.example/briefings/amazon/',
      categories: ['AMZN', 'ai'],
    });
    expect(feed.items[0]?.customData).toBe(
      '<dc:creator>Desk</dc:creator><dcterms:modified>2026-02-01T13:00:00.000Z</dcterms:modified>',
    );
    expect(feed.items[0]?.content).toBe(
      '<section><h2>Key developments at a glance</h2><ul><li>Talks on up to <strong><data value="50000000000 USD">$50 billion</data></strong>.</li></ul></section>' +
        '<p><em>Updated 1 February 2026 at 14:00 CET.</em></p><p>Body</p>',
    );
    // Without bullets there is no box.
    expect(
      rssFeed(channelOf('https://t.example/rss.xml'), [entry({ keyDevelopments: [] })], clock).items[0]?.content,
    ).toBe('<p>Body</p>');
  });

  it('make a JSON Feed 1.1 document', () => {
    const feed = jsonFeed(
      {
        title: 'T',
        description: 'D',
        homePageUrl: 'https://t.example/',
        feedUrl: 'https://t.example/feed.json',
        locale: 'en-GB',
      },
      [entry()],
      clock,
    );
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      feed_url: 'https://t.example/feed.json',
    });
    const [item] = feed['items'] as Record<string, unknown>[];
    expect(String(item?.['content_html'])).toMatch(
      /^<section><h2>Key developments at a glance<\/h2><ul><li>Talks on up to <strong>/,
    );
    // An extension is an object under a key that starts with an underscore (JSON Feed 1.1).
    expect(item?.['_tickerpress']).toEqual({ key_developments: ['Talks on up to $50 billion.'] });
    expect((feed['items'] as Record<string, unknown>[])[0]).toMatchObject({
      id: 'https://t.example/briefings/amazon/',
      date_published: '2026-02-01T09:17:05.000Z',
      date_modified: '2026-02-01T09:17:05.000Z',
      authors: [{ name: 'Desk' }],
      tags: ['AMZN', 'ai'],
    });
  });
});

describe('calendars', () => {
  const amazonCall: CalendarEvent = {
    event: {
      title: 'Amazon Q4 2025 results call; analysts, press\nand investors',
      kind: 'call',
      start: '2026-02-05T14:00:00-08:00',
      timeZone: 'America/Los_Angeles',
    },
    index: 0,
    briefingId: 'amazon',
    briefingTitle: 'Amazon in talks — über $50 billion 🚀',
    briefingUrl: 'https://t.example/briefings/amazon/',
    stamp: '2026-02-01T10:17:05+01:00',
  };
  const ics = calendarFile([amazonCall], { name: 'Test', host: 't.example' });

  it('writes UTC times, a content DTSTAMP, a stable UID and an hour for a call', () => {
    expect(ics).toContain('DTSTART:20260205T220000Z\r\n');
    expect(ics).toContain('DTEND:20260205T230000Z\r\n');
    expect(ics).toContain('DTSTAMP:20260201T091705Z\r\n');
    expect(ics).toContain('UID:amazon-event-1@t.example\r\n');
    expect(eventUid(amazonCall, 't.example')).toBe('amazon-event-1@t.example');
  });

  it('ends every line with CRLF and folds lines at 75 octets', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = ics.split('\r\n').slice(0, -1);
    for (const line of lines) {
      expect(line).not.toContain('\n');
      expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    }
  });

  it('parses back with an iCalendar library, escaping undone', () => {
    const component = new ICAL.Component(ICAL.parse(ics));
    const event = new ICAL.Event(component.getFirstSubcomponent('vevent') ?? undefined);
    expect(event.uid).toBe('amazon-event-1@t.example');
    expect(event.summary).toBe('Amazon Q4 2025 results call; analysts, press\nand investors');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-02-05T22:00:00.000Z');
    expect(event.description).toContain('Amazon in talks — über $50 billion 🚀');
  });

  it('keeps upcoming events in start order', () => {
    const later = { ...amazonCall, index: 1, event: { ...amazonCall.event, start: '2026-03-01T10:00:00Z' } };
    expect(upcoming([later, amazonCall], new Date('2026-02-10T00:00:00Z'))).toEqual([later]);
    expect(upcoming([later, amazonCall], new Date(0)).map((item) => item.index)).toEqual([0, 1]);
  });
});
