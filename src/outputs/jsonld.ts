/** Structured data for search engines: schema.org `NewsArticle`, serialised safely into a script element. */

export interface NewsArticleInput {
  readonly url: string;
  readonly headline: string;
  readonly description: string;
  /** ISO 8601 with offset, as the author wrote it. */
  readonly datePublished: string;
  /** ISO 8601 with offset; defaults to `datePublished`. */
  readonly dateModified?: string | undefined;
  readonly authorName: string;
  readonly publisherName: string;
  readonly publisherUrl: string;
  readonly keywords: readonly string[];
  readonly image?: string | undefined;
}

export function newsArticle(input: NewsArticleInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    headline: input.headline,
    description: input.description,
    datePublished: input.datePublished,
    dateModified: input.dateModified ?? input.datePublished,
    author: [{ '@type': 'Person', name: input.authorName }],
    publisher: { '@type': 'Organization', name: input.publisherName, url: input.publisherUrl },
    ...(input.keywords.length > 0 ? { keywords: input.keywords.join(', ') } : {}),
    ...(input.image ? { image: [input.image] } : {}),
  };
}

const UNSAFE_IN_SCRIPT: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&` are written as
 * escapes so that no text (a headline with `</script>`, say) can end the element early.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => UNSAFE_IN_SCRIPT[char] ?? char);
}
