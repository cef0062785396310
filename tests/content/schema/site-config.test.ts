import { describe, expect, it } from 'vitest';
import { parseSiteConfig, SiteConfigError } from '../../../src/content/schema/site-config.ts';
import { site } from '../../../src/site.config.ts';

const messageFor = (changes: Record<string, unknown>) => {
  try {
    parseSiteConfig({ ...site, ...changes });
  } catch (error) {
    expect(error).toBeInstanceOf(SiteConfigError);
    return (error as Error).message.split('\n').slice(1);
  }
  throw new Error('the configuration was accepted');
};

describe('the site configuration', () => {
  it('accepts the project’s own and freezes it', () => {
    expect(parseSiteConfig({ ...site })).toEqual(site);
    expect(Object.isFrozen(site)).toBe(true);
  });

  it('names the field of each wrong value', () => {
    expect(messageFor({ keyDevelopmentsCount: 7 })).toEqual([
      'src/site.config.ts: keyDevelopmentsCount must be at most 5 (bullets per box)',
    ]);
    expect(messageFor({ url: 'https://news.example.com/' })).toEqual([
      'src/site.config.ts: url must not end with "/" (write https://news.example.com)',
    ]);
    expect(messageFor({ url: 'news.example.com' })).toEqual([
      'src/site.config.ts: url expected an absolute http(s) URL such as https://news.example.com, got the text "news.example.com"',
    ]);
    expect(messageFor({ url: 'https://news.example.com/briefings' })).toEqual([
      'src/site.config.ts: url must be an origin only, with no path, query or fragment',
    ]);
    expect(messageFor({ timeZone: 'Europe/Atlantis' })).toEqual([
      'src/site.config.ts: timeZone "Europe/Atlantis" is not an IANA time zone such as Europe/Berlin',
    ]);
    expect(messageFor({ locale: 'not a locale', pageSize: 0 })).toEqual([
      'src/site.config.ts: locale "not a locale" is not a BCP 47 locale such as en-GB or de-DE',
      'src/site.config.ts: pageSize must be at least 1 (briefings per page)',
    ]);
    expect(messageFor({ feedSise: 20 })).toEqual([
      'src/site.config.ts: feedSise: not a setting of the site (check the spelling)',
    ]);
  });
});
