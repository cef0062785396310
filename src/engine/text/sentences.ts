/**
 * Sentences of financial prose: `Intl.Segmenter`, plus repairs for the abbreviations it splits at
 * ("J.P. Morgan", "Mr. Smith", "Feb. 5", "U.S. West Coast", "St. Louis").
 */

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

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

function shouldJoin(segment: string, next: string): boolean {
  const end = segment.trimEnd();
  if (insideQuotation(segment)) return true;
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

/** Splits a paragraph's text into trimmed sentences with their offsets. */
export function splitSentences(text: string): Sentence[] {
  const raw = [...segmenter.segment(text)].map((part) => ({ text: part.segment, start: part.index }));
  const merged: { text: string; start: number }[] = [];
  for (const part of raw) {
    const previous = merged.at(-1);
    if (previous && shouldJoin(previous.text, part.text)) previous.text += part.text;
    else merged.push({ ...part });
  }
  return merged
    .map((part) => {
      const leading = part.text.length - part.text.trimStart().length;
      return { text: part.text.trim(), start: part.start + leading };
    })
    .filter((part) => part.text.length > 0);
}
