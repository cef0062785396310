/**
 * Says once, at the start of a build, when the site's origin is a placeholder: every canonical link,
 * social card URL and feed would point at an address nobody serves.
 */
import type { AstroIntegration } from 'astro';
import { isPlaceholderOrigin } from '../../content/schema/site-config.ts';
import { site } from '../../site.config.ts';

export default function siteOrigin(): AstroIntegration {
  return {
    name: 'tickerpress-site-origin',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (isPlaceholderOrigin(site.url)) {
          logger.warn(
            `the site URL is the placeholder ${site.url}: set SITE_URL (or url in src/site.config.ts) to the address this deploy is served from`,
          );
        }
      },
    },
  };
}
