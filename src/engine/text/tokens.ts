/** Word tokens for comparing texts: lower-cased, alphanumeric, Porter-stemmed. */
import { stemmer } from 'stemmer';

/** Lower-case, non-alphanumerics to spaces, Porter-stemmed: the tokenisation ROUGE is defined on. */
export function stemmedTokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(stem);
}

const stems = new Map<string, string>();

/** Porter stems, remembered: a briefing's vocabulary repeats, and stemming is a chain of regular expressions. */
function stem(token: string): string {
  let stemmed = stems.get(token);
  if (stemmed === undefined) {
    // Bounded, for a long-running dev server.
    if (stems.size >= 100_000) stems.clear();
    stemmed = stemmer(token);
    stems.set(token, stemmed);
  }
  return stemmed;
}

const STOPWORDS = new Set(
  stemmedTokens(
    `a about above after again against all also am an and any are as at be because been before being below between both but by
     can could did do does doing down during each few for from further had has have having he her here hers him his how i if in
     into is it its itself just me more most my no nor not now of off on once only or other our out over own same she should so
     some such than that the their them then there these they this those through to too under until up very was we were what
     when where which while who whom why will with would you your said says say according company companies`,
  ),
);

/** Stemmed tokens without function words, for similarity between sentences. */
export function contentTokens(text: string): string[] {
  return stemmedTokens(text).filter((token) => !STOPWORDS.has(token));
}

/**
 * Whitespace-separated words that hold a letter or digit ("—" and "&" are not words); in Japanese and
 * Chinese, a word per two characters.
 */
export function wordCount(text: string): number {
  // A loop over the characters: this runs for every shortened form of every sentence.
  let words = 0;
  let counted = false;
  // Japanese and Chinese write no spaces: two of their characters count as a word, about what they carry.
  let ideographs = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (
      (code >= 0x3040 && code <= 0x30ff) ||
      (code >= 0x3400 && code <= 0x9fff) ||
      (code >= 0xf900 && code <= 0xfaff)
    ) {
      ideographs += 1;
      counted = false;
      continue;
    }
    if (code === 32 || (code <= 13 && code >= 9) || (code >= 128 && /\s/.test(text.charAt(index)))) {
      counted = false;
    } else if (!counted && isLetterOrDigit(code, text, index)) {
      words += 1;
      counted = true;
    }
  }
  return words + Math.ceil(ideographs / 2);
}

function isLetterOrDigit(code: number, text: string, index: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}\p{N}]/u.test(String.fromCodePoint(text.codePointAt(index) ?? code));
}
