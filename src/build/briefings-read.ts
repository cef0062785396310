/**
 * How Astro's process tells `npm run build`, as soon as its briefings are loaded and long before its pages
 * are rendered, which briefings were read from their files: the others are as the last build stored
 * them. The build script starts Astro with a message channel and sets `ANNOUNCE_BRIEFINGS_READ`; it uses
 * the ids to begin indexing the search bundles they belong to (`search-index/early-index.ts`). Anywhere
 * else (the dev server, tests) nothing is sent.
 */

/** Set to `1` by `npm run build` for the Astro process it listens to. */
export const ANNOUNCE_BRIEFINGS_READ = 'TICKERPRESS_ANNOUNCE_BRIEFINGS_READ';

const MESSAGE_TYPE = 'tickerpress:briefings-read';

interface BriefingsReadMessage {
  readonly type: typeof MESSAGE_TYPE;
  /** The ids of the briefings read from their files. */
  readonly ids: readonly string[];
}

/** Sends the ids of the briefings read to the build script, when it listens. */
export function announceBriefingsRead(ids: readonly string[]): void {
  if (process.env[ANNOUNCE_BRIEFINGS_READ] !== '1' || typeof process.send !== 'function') return;
  process.send({ type: MESSAGE_TYPE, ids } satisfies BriefingsReadMessage);
}

/** The ids a message from Astro's process announces; undefined for any other message. */
export function briefingsReadIn(message: unknown): readonly string[] | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, ids } = message as Partial<BriefingsReadMessage>;
  return type === MESSAGE_TYPE && Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? ids : undefined;
}
