/**
 * Sentences of financial prose: `Intl.Segmenter`, plus repairs for the abbreviations it splits at
 * ("J.P. Morgan", "Mr. Smith", "Feb. 5", "U.S. West Coast", "St. Louis").
 */

const segmenters = new Map<string, Intl.Segmenter>();

/** One segmenter per locale: making one is far dearer than using it. */
function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/** German abbreviations that never end a sentence ("1,5 Mrd. Euro", "z. B.", "Nr. 3"). */
const GERMAN_ABBREVIATION =
  /(?:^|[\s(])(?:Mrd|Mio|Bio|Tsd|Nr|bzw|ca|vgl|inkl|zzgl|Dr|Prof|St|z\.\s?B|u\.\s?a|d\.\s?h|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez)\.$/;

/** Abbreviations that never end a sentence: titles, initials, months before a day. */
const ALWAYS_JOINED =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|St|Mt|Ft|No|Nos|vs|approx|est|incl|ca)\.$/;
const INITIALS = /(?:^|[\s(])(?:[A-Z]\.){1,3}$/;
const MONTH_BEFORE_DAY = /(?:^|\s)(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/;
/** "U.S.", "U.K.", "E.U.": end a sentence unless a proper noun continues (U.S. West Coast, U.S. Treasury). */
const COUNTRY = /(?:^|[\s(])(?:U\.S|U\.K|E\.U|U\.N|U\.A\.E)\.$/;
const COUNTRY_CONTINUATIONS = new Set(
  'West East North South Treasury Treasuries Federal Fed Senate House Congress Supreme Justice Commerce Labor Securities Department Steel Bank Bancorp Air Army Navy Open Postal Census Dollar Marshals Capitol Embassy Trade Customs Energy Patent'.split(
    ' ',
  ),
);

/** A quotation still open at the segment's end: the speaker goes on, and so does the sentence. */
function insideQuotation(segment: string): boolean {
  const straight = (segment.match(/"/g) ?? []).length;
  const opened = (segment.match(/“/g) ?? []).length;
  const closed = (segment.match(/”/g) ?? []).length;
  return straight % 2 === 1 || opened > closed;
}

function shouldJoin(segment: string, next: string, language: string): boolean {
  const end = segment.trimEnd();
  if (insideQuotation(segment)) return true;
  if (language === 'de')
    return GERMAN_ABBREVIATION.test(end) || /(?:^|\s)\d{1,2}\.$/.test(end) || /^[a-zäöü0-9]/.test(next.trimStart());
  if (language !== 'en') return false;
  const nextStart = next.trimStart();
  if (/^[a-z0-9$€£%(]/.test(nextStart)) return true;
  if (COUNTRY.test(end)) return COUNTRY_CONTINUATIONS.has(nextStart.split(/\s/)[0] ?? '');
  if (ALWAYS_JOINED.test(end) || INITIALS.test(end)) return true;
  return MONTH_BEFORE_DAY.test(end) && /^\d/.test(nextStart);
}

export interface Sentence {
  readonly text: string;
  /** Offset of the sentence in the paragraph text. */
  readonly start: number;
}

/**
 * Splits a paragraph's text into trimmed sentences with their offsets, by the rules of `locale` (BCP 47;
 * English when absent): Japanese and Chinese end sentences at 。！？, German keeps "1,5 Mrd. Euro" whole.
 */
export function splitSentences(text: string, locale = 'en'): Sentence[] {
  const language = locale.split('-')[0]?.toLowerCase() ?? 'en';
  const raw = [...segmenterFor(locale).segment(text)].map((part) => ({ text: part.segment, start: part.index }));
  const merged: { text: string; start: number }[] = [];
  for (const part of raw) {
    const previous = merged.at(-1);
    if (previous && shouldJoin(previous.text, part.text, language)) previous.text += part.text;
    else merged.push({ ...part });
  }
  return merged
    .map((part) => {
      const leading = part.text.length - part.text.trimStart().length;
      return { text: part.text.trim(), start: part.start + leading };
    })
    .filter((part) => part.text.length > 0);
}
