/**
 * The build's shared state. Astro runs our integrations from the config and the pages from its own
 * bundle, so one build holds two copies of most modules; state both copies must see (the compile counts,
 * the card renderer and its pool) lives on `globalThis`, and this is the one module that declares and
 * hands out those globals. Worker threads have a `globalThis` of their own.
 */
import type { CardRuntime } from './cards/card-runtime.ts';
import type { BodyCacheRuntime } from './body-cache.ts';
import type { Finding } from '../content/finding.ts';
import type { PublicationWindow } from '../engine/listing.ts';
import type { PageKeys } from './carried-pages.ts';

/** Time spent choosing key developments in this thread, for the build log. */
export interface KeyDevelopmentsTiming {
  briefings: number;
  /** Wall-clock time, which includes waiting for a core on a busy machine. */
  milliseconds: number;
  /** CPU time of the thread doing the work: what the engine costs, however busy the machine is. */
  cpuMilliseconds: number;
}

export interface BuildGlobals {
  /** Bodies rendered as briefings load, and from the cache (`src/build/body-cache.ts`). */
  bodies?: BodyCacheRuntime | undefined;
  /** Key developments chosen in this thread (`src/markdown/plugins/remark-key-developments.ts`). */
  keyDevelopments?: KeyDevelopmentsTiming | undefined;
  /** The card store and its worker pool (`src/build/cards/card-runtime.ts`). */
  cards?: CardRuntime | undefined;
  /** Each briefing page's absolute URL and its latest change (ISO 8601), for the sitemap's `lastmod`. */
  lastModified?: Map<string, string> | undefined;
  /** Pages and files rendered in this build; the rest are carried over from the last one (`carried-pages.ts`). */
  pagesRendered?: number | undefined;
  /** The kept site's pages this build may carry, with their keys (`carried-pages.ts`). */
  carriable?: PageKeys | undefined;
  /** Every keyed page of this build (its site path) and its key, for the next build. */
  pageKeys?: Map<string, string> | undefined;
  /** Paths of the pages carried over from the last build rather than rendered. */
  carriedPages?: string[] | undefined;
  /** The carried pages' URLs, for the sitemap: see `carriedPageUrls`. */
  carriedPageUrls?: string[] | undefined;
  /** The time over which this build's public briefings stay the same (`src/build/site-snapshot.ts`). */
  publicationWindow?: PublicationWindow | undefined;
  /** The dev server's latest content-check findings, which every preview page shows (`dev-content-check.ts`). */
  previewFindings?: readonly Finding[] | undefined;
}

declare global {
  var __tickerpress: BuildGlobals | undefined;
}

/** This thread's build state, created empty on first use. */
export function buildGlobals(): BuildGlobals {
  return (globalThis.__tickerpress ??= {});
}

/** Notes when the page at `url` last changed; the sitemap reads it back (see astro.config.mjs). */
export function recordLastModified(url: string, isoDate: string): void {
  (buildGlobals().lastModified ??= new Map()).set(url, isoDate);
}

/** Notes when the build's public briefings would change; `npm run build` keeps it with the built site. */
export function recordPublicationWindow(window: PublicationWindow): void {
  buildGlobals().publicationWindow = window;
}

/**
 * The absolute URLs of the HTML pages carried over from the last build. The sitemap integration only
 * sees the pages Astro rendered, so it is given this list as its `customPages` from the configuration
 * on: it reads the list when the build is done, by which time the routes have filled it. It is one array
 * for the whole build, filled in place and never replaced.
 */
export function carriedPageUrls(): string[] {
  return (buildGlobals().carriedPageUrls ??= []);
}

/** Counts one page or file rendered (`src/middleware.ts` sees every render; a carried page is not one). */
export function countRenderedPage(): void {
  const globals = buildGlobals();
  globals.pagesRendered = (globals.pagesRendered ?? 0) + 1;
}

/** The content check's findings for the page being previewed: none outside the dev server. */
export function previewFindings(): readonly Finding[] {
  return buildGlobals().previewFindings ?? [];
}

/** An empty tally, for threads that have chosen no key developments yet. */
export function noKeyDevelopmentsTiming(): KeyDevelopmentsTiming {
  return { briefings: 0, milliseconds: 0, cpuMilliseconds: 0 };
}

/** Adds a tally (one measured in a worker thread, say) to this thread's. */
export function addKeyDevelopmentsTiming(timing: KeyDevelopmentsTiming): void {
  const total = (buildGlobals().keyDevelopments ??= noKeyDevelopmentsTiming());
  total.briefings += timing.briefings;
  total.milliseconds += timing.milliseconds;
  total.cpuMilliseconds += timing.cpuMilliseconds;
}

/**
 * The project root of the running Astro build, defined by the card integration (Vite replaces the
 * name at bundle time); the pages' bundle has no other way to know where the project's files are.
 */
export function buildProjectRoot(): string {
  return __PROJECT_ROOT__;
}
