/**
 * What the site says about one briefing, computed once: its address, author, image, status, structured
 * data and search record. The page, its feed items, its card and its search record all read this one
 * object, so they never disagree.
 */
import type { SearchRecord } from '../outputs/search/search-record.ts';
import { searchRecord } from '../outputs/search/search-record.ts';
import { newsArticle, serializeJsonLd } from '../outputs/jsonld.ts';
import { modifiedAt } from '../outputs/feed/feed-documents.ts';
import { recordLastModified } from '../build/build-globals.ts';
import type { PublicationStatus } from '../engine/listing.ts';
import { site } from '../site.config.ts';
import { changeDates, getAuthorsById, perBriefing, statusOf, type Briefing } from './collections.ts';
import { absolute, feedRoutes, routes } from './routes.ts';
import { briefingCard, cardImage, type Card, type PageImage } from './social-cards.ts';

export interface BriefingView {
  readonly id: string;
  /** The page's path, e.g. `/briefings/<id>/`. */
  readonly path: string;
  /** The page's absolute URL: canonical link, feed guid, JSON-LD. */
  readonly url: string;
  readonly data: Briefing['data'];
  /** The latest change: publication, update or correction (ISO 8601, UTC). */
  readonly lastModified: string;
  readonly status: PublicationStatus;
  readonly author: { readonly id: string; readonly name: string; readonly path: string };
  /** What the page is shared with: the briefing's own image, or its card. */
  readonly image: PageImage;
  /** The generated card, when the briefing has no image of its own. */
  readonly card?: Card | undefined;
  /** Tickers, then tags: keywords for JSON-LD, Open Graph tags and feed categories. */
  readonly keywords: readonly string[];
  /** The briefing's own calendar, when it lists events. */
  readonly calendarPath?: string | undefined;
  /** Serialised schema.org NewsArticle, safe inside a script element. */
  readonly jsonLd: string;
  readonly searchRecord: SearchRecord;
}

/** The briefing's own image when the frontmatter names one; otherwise its generated card. */
function sharedImage(briefing: Briefing): { image: PageImage; card?: Card } {
  const own = briefing.data.image;
  if (own) return { image: { url: absolute(own.src), alt: own.alt, width: own.width, height: own.height } };
  const card = briefingCard(briefing);
  return { image: cardImage(card), card };
}

/** The briefing's latest change: publication, update or correction (ISO 8601, UTC). */
function lastModifiedOf(briefing: Briefing): string {
  return modifiedAt(changeDates(briefing)).toISOString();
}

/**
 * Notes each briefing page's latest change for the sitemap. Called by the briefing route's
 * `getStaticPaths()`, which runs in every build, as a page reused by the incremental build is not rendered.
 */
export function noteLastModified(briefings: readonly Briefing[]): void {
  for (const briefing of briefings)
    recordLastModified(absolute(routes.briefing(briefing.id)), lastModifiedOf(briefing));
}

async function buildView(briefing: Briefing): Promise<BriefingView> {
  const { data } = briefing;
  const path = routes.briefing(briefing.id);
  const url = absolute(path);
  const authorName = (await getAuthorsById()).get(data.author.id)?.data.name ?? data.author.id;
  const { image, card } = sharedImage(briefing);
  const keywords = [...data.tickers, ...data.tags];
  const lastModified = lastModifiedOf(briefing);
  return {
    id: briefing.id,
    path,
    url,
    data,
    lastModified,
    status: statusOf(briefing),
    author: { id: data.author.id, name: authorName, path: routes.author(data.author.id) },
    image,
    card,
    keywords,
    calendarPath: data.events.length > 0 ? feedRoutes.briefingCalendar(briefing.id) : undefined,
    jsonLd: serializeJsonLd(
      newsArticle({
        url,
        headline: data.title,
        description: data.dek,
        datePublished: data.publishedAt,
        dateModified: data.updatedAt,
        authorName,
        publisherName: site.name,
        publisherUrl: site.url,
        keywords,
        image: image.url,
      }),
    ),
    searchRecord: searchRecord({ ...data, image: new URL(image.url).pathname }, site),
  };
}

/** The view of a briefing, built once per build however many pages, feeds and cards read it. */
export const briefingView = perBriefing(buildView);
