import { describe, expect, it } from 'vitest';
import { newsArticle, serializeJsonLd } from '../../src/outputs/jsonld.ts';

const hostile = 'Deal </script><script>alert("x")</script> & more \u2028 ]]>';

describe('NewsArticle JSON-LD', () => {
  const article = newsArticle({
    url: 'https://tickerpress.example/briefings/x/',
    headline: hostile,
    description: 'A dek.',
    datePublished: '2026-02-01T10:17:05+01:00',
    authorName: 'Desk',
    publisherName: 'Tickerpress',
    publisherUrl: 'https://tickerpress.example',
    keywords: ['AMZN', 'ai'],
  });

  it('carries the dates as written and falls back to the publication date for dateModified', () => {
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      datePublished: '2026-02-01T10:17:05+01:00',
      dateModified: '2026-02-01T10:17:05+01:00',
      keywords: 'AMZN, ai',
    });
  });

  it('serialises without any character that could end a script element', () => {
    const json = serializeJsonLd(article);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(json).not.toContain('</script');
    expect(JSON.parse(json)).toEqual(article);
  });
});
