/**
 * The sentence that states the headline's fact: the box must carry it, however long it is, since a
 * reader who sees "Warns of $4.2 Billion Charge" above a box without the charge stops trusting the box.
 * It is the sentence that states most of the headline's figures by value ("€41 billion" is "41 billion
 * euros", "10-for-1" is "a ratio of 1:10"), then most of its content words, then the earliest. A headline
 * without a figure the body states is matched by its words alone ("Billion-Dollar Bitcoin Purchase").
 */
import { contentTokens } from '../text/tokens.ts';
import { sameFigure, statedFigures, type NumericMention } from './figure-mentions.ts';

/** Content words a sentence must share with a headline whose figures it does not state. */
const WORDS_WITHOUT_FIGURES = 2;

export interface StatementCandidate {
  readonly text: string;
  /** The sentence's numbers. */
  readonly mentions: readonly NumericMention[];
}

/** Index of the sentence that best states `title`, or -1 when none does. */
export function headlineStatement(
  title: string,
  sentences: readonly StatementCandidate[],
  lang: string | undefined,
): number {
  const figures = statedFigures(title, lang);
  const words = new Set(contentTokens(title.replace(/[\d.,:%$€£¥]+/g, ' ')));
  let best = -1;
  let bestRank: readonly number[] = [0, 0, 0];
  sentences.forEach((sentence, index) => {
    const stated = figures.filter((figure) => sentence.mentions.some((mention) => sameFigure(figure, mention))).length;
    const shared = new Set(contentTokens(sentence.text).filter((word) => words.has(word))).size;
    // By the headline's figures; then, for a headline whose figures the body does not write as such, a
    // sentence with a figure of its own: the fact, not the lead's generalities.
    const rank = [
      stated,
      Number(sentence.mentions.length > 0 && (stated > 0 || shared >= WORDS_WITHOUT_FIGURES)),
      shared,
    ];
    const better = rank.findIndex((value, at) => value !== bestRank[at]);
    if (better >= 0 && (rank[better] ?? 0) > (bestRank[better] ?? 0)) {
      best = index;
      bestRank = rank;
    }
  });
  // Without the headline's figures, only a sentence with a figure of its own states its fact: a teaser
  // lead ("Anyone who holds the shares needs strong nerves") does not.
  const [stated = 0, figured = 0] = bestRank;
  return stated > 0 || figured > 0 ? best : -1;
}
