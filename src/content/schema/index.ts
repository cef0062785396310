/**
 * What authors and publishers write, as Zod schemas: a briefing's frontmatter and its parts, author
 * files, ticker data and the site's configuration. One file per schema; messages in `messages.ts`.
 */
export * from './author-file.ts';
export * from './briefing-correction.ts';
export * from './briefing-event.ts';
export * from './briefing-frontmatter.ts';
export * from './briefing-image.ts';
export * from './briefing-source.ts';
export * from './field-types.ts';
export * from './market-snapshot.ts';
export * from './messages.ts';
export * from './site-config.ts';
export * from './ticker-info.ts';
