/**
 * Feed items for RSS 2.0 and JSON Feed 1.1, built from the same loaded briefings as the pages. Pure:
 * every date comes from the content, so the same content always gives the same bytes.
 */
import { KEY_DEVELOPMENTS_TITLE, type BoxBullet } from '../../engine/key-developments/key-developments-box.ts';
import { machineValue, segmentByFigures } from '../../engine/text/figures.ts';
import { formatDateTime, toInstant, type Clock } from '../../engine/time.ts';

/** Everything a feed says about one briefing. */
export interface FeedEntry {
  readonly id: string;
  /** Absolute URL of the briefing page; also its permanent guid. */
  readonly url: string;
  readonly title: string;
  readonly dek: string;
  /** ISO 8601 with offset. */
  readonly publishedAt: string;
  readonly updatedAt?: string | undefined;
  readonly authorName: string;
  readonly tickers: readonly string[];
  readonly tags: readonly string[];
  /** The bullets of the key-developments box, with their figures. */
  readonly keyDevelopments: readonly Pick<BoxBullet, 'text' | 'figures'>[];
  readonly latestCorrection?: { readonly at: string; readonly text: string } | undefined;
  /** The article as clean HTML with absolute URLs (see feed-html.ts). */
  readonly contentHtml: string;
  /** Absolute URL of the social card or the briefing's own image. */
  readonly image?: string | undefined;
}

export interface FeedChannel {
  readonly title: string;
  readonly description: string;
  /** Absolute URL of the page the feed belongs to. */
  readonly homePageUrl: string;
  /** Absolute URL of the feed itself. */
  readonly feedUrl: string;
  readonly locale: string;
}

/** The dates that say when a briefing changed. */
export interface ChangeDates {
  readonly publishedAt: string;
  readonly updatedAt?: string | undefined;
  readonly latestCorrection?: { readonly at: string } | undefined;
}

/** Last change of a briefing: publication, update or correction, whichever is latest. */
export function modifiedAt(entry: ChangeDates): Date {
  const dates = [entry.publishedAt, entry.updatedAt, entry.latestCorrection?.at].filter(
    (value): value is string => value !== undefined,
  );
  return new Date(Math.max(...dates.map((value) => toInstant(value).getTime())));
}

/** The newest change among the entries, or the Unix epoch when there are none: never the clock. */
export function lastBuildDate(entries: readonly ChangeDates[]): Date {
  return new Date(Math.max(0, ...entries.map((entry) => modifiedAt(entry).getTime())));
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);

/** "Updated … · Correction (…): …", shown at the top of an item so readers see what changed. */
export function changeNotes(entry: FeedEntry, clock: Clock): string[] {
  const notes: string[] = [];
  if (entry.updatedAt) notes.push(`Updated ${formatDateTime(toInstant(entry.updatedAt), clock)}.`);
  if (entry.latestCorrection) {
    notes.push(
      `Correction (${formatDateTime(toInstant(entry.latestCorrection.at), clock)}): ${entry.latestCorrection.text}`,
    );
  }
  return notes;
}

/** The item summary: dek, key developments and change notes, as a small HTML fragment. */
export function summaryHtml(entry: FeedEntry, clock: Clock): string {
  const parts = [`<p>${escapeHtml(entry.dek)}</p>`];
  if (entry.keyDevelopments.length > 0) {
    parts.push(`<ul>${entry.keyDevelopments.map((bullet) => `<li>${escapeHtml(bullet.text)}</li>`).join('')}</ul>`);
  }
  for (const note of changeNotes(entry, clock)) parts.push(`<p><em>${escapeHtml(note)}</em></p>`);
  return parts.join('');
}

/**
 * The key-developments box as a feed reader shows it: a heading and the bullets, each figure bold and
 * marked up with its value as on the page (readers drop the site's CSS, not `<strong>`).
 */
export function keyDevelopmentsHtml(entry: FeedEntry): string {
  if (entry.keyDevelopments.length === 0) return '';
  const items = entry.keyDevelopments.map((bullet) => {
    const segments = segmentByFigures(bullet.text, bullet.figures).map((segment) =>
      segment.figure
        ? `<strong><data value="${escapeHtml(machineValue(segment.figure))}">${escapeHtml(segment.text)}</data></strong>`
        : escapeHtml(segment.text),
    );
    return `<li>${segments.join('')}</li>`;
  });
  return `<section><h2>${KEY_DEVELOPMENTS_TITLE}</h2><ul>${items.join('')}</ul></section>`;
}

/** The full article for `content:encoded` and `content_html`: the key developments first, then change notes. */
export function fullHtml(entry: FeedEntry, clock: Clock): string {
  const notes = changeNotes(entry, clock).map((note) => `<p><em>${escapeHtml(note)}</em></p>`);
  return [keyDevelopmentsHtml(entry), ...notes, entry.contentHtml].join('');
}

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] ?? char,
  );

/** Options for @astrojs/rss. */
export function rssFeed(channel: FeedChannel, entries: readonly FeedEntry[], clock: Clock) {
  return {
    title: channel.title,
    description: channel.description,
    site: channel.homePageUrl,
    xmlns: {
      atom: 'http://www.w3.org/2005/Atom',
      dc: 'http://purl.org/dc/elements/1.1/',
      dcterms: 'http://purl.org/dc/terms/',
    },
    customData: [
      `<atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
      `<language>${escapeXml(channel.locale)}</language>`,
      `<lastBuildDate>${lastBuildDate(entries).toUTCString()}</lastBuildDate>`,
    ].join(''),
    items: entries.map((entry) => ({
      title: entry.title,
      link: entry.url,
      pubDate: toInstant(entry.publishedAt),
      description: summaryHtml(entry, clock),
      content: fullHtml(entry, clock),
      categories: [...entry.tickers, ...entry.tags],
      customData: [
        `<dc:creator>${escapeXml(entry.authorName)}</dc:creator>`,
        entry.updatedAt || entry.latestCorrection
          ? `<dcterms:modified>${modifiedAt(entry).toISOString()}</dcterms:modified>`
          : '',
      ].join(''),
    })),
  };
}

/** A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/). */
export function jsonFeed(channel: FeedChannel, entries: readonly FeedEntry[], clock: Clock): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    description: channel.description,
    home_page_url: channel.homePageUrl,
    feed_url: channel.feedUrl,
    language: channel.locale,
    items: entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.title,
      summary: entry.dek,
      content_html: fullHtml(entry, clock),
      ...(entry.image ? { image: entry.image } : {}),
      date_published: toInstant(entry.publishedAt).toISOString(),
      date_modified: modifiedAt(entry).toISOString(),
      authors: [{ name: entry.authorName }],
      tags: [...entry.tickers, ...entry.tags],
      // JSON Feed extensions are objects under a key that starts with an underscore.
      _tickerpress: { key_developments: entry.keyDevelopments.map((bullet) => bullet.text) },
    })),
  };
}
