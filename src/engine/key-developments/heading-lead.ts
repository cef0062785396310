/**
 * A section heading as the lead-in of its section's bullet ("Marlow Cruise Lines: up 8.4% — the
 * operator raised its outlook …"), so a roundup carries each company with its move. A heading leads a
 * sentence only when the heading names a subject and the sentence is about it (`headingMayLead`).
 * Otherwise the dash would invent a link ("What to watch on 5 February — for the third quarter the
 * company reported …", "+4.2% — revenue slipped 2%").
 */
import { contentTokens } from '../text/tokens.ts';
import { numericMentions, sameFigure, statedFigures } from './figure-mentions.ts';

/** The heading as a lead-in: its brackets without figures ("(MRLW)") and its final stop go. */
export function headingLead(heading: string): string {
  return heading
    .replace(/\s*\([^()\d]*\)/g, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/[.!:;,\s]+$/, '')
    .trim();
}

/**
 * Whether a heading names a company or a market before its figure ("Castor Bio (CSTB): down 19%"): its
 * words before the colon or bracket are all capitalised. "What to watch on 5 February" names nothing.
 */
export function headingNamesSubject(heading: string): boolean {
  const name = heading.split(/[:(]/)[0]?.trim() ?? '';
  const words = name.split(/\s+/).filter((word) => /[\p{L}]/u.test(word));
  return words.length > 0 && words.length <= 6 && words.every((word) => /^[\p{Lu}\d]/u.test(word));
}

/**
 * Whether `heading` may lead `sentence`: the heading names what the section is about (a company, a
 * market), and the sentence is about it too: it opens the section (`opensSection`), states the heading's
 * figure or shares a word of its name. A heading that names nothing ("What to watch on 5 February",
 * "+4.2%") never leads: the dash would read as a link the article does not make.
 */
export function headingMayLead(
  heading: string,
  sentence: string,
  lang: string | undefined,
  opensSection = false,
): boolean {
  if (!headingNamesSubject(heading)) return false;
  if (opensSection) return true;
  const mentions = numericMentions(sentence, lang);
  if (statedFigures(heading, lang).some((stated) => mentions.some((mention) => sameFigure(stated, mention)))) {
    return true;
  }
  const words = new Set(contentTokens(sentence));
  return contentTokens(heading.replace(/[^\p{L}\s'’-]+/gu, ' ')).some((word) => words.has(word));
}

/**
 * The heading and its sentence as one bullet. The sentence's first word loses its capital only where
 * the briefing also writes it in lower case, so names and acronyms keep theirs.
 */
export function afterHeading(heading: string, sentence: string, lowerCaseWords: ReadonlySet<string>): string {
  const [word = '', ...rest] = sentence.split(' ');
  const lowered = word.charAt(0).toLowerCase() + word.slice(1);
  const lead = lowerCaseWords.has(lowered.replace(/[^\p{L}'’-]+$/u, '')) ? lowered : word;
  return `${heading} — ${[lead, ...rest].join(' ')}`;
}
