/**
 * English sentence structure, from a well-kept tagger: wink-nlp with its English model
 * (`wink-eng-lite-web-model`) gives each token its Universal Dependencies part of speech. Chosen over
 * compromise for speed (about six times as many words a millisecond on the key-development fixtures)
 * and for its tokens: punctuation stands as tokens of its own, which is what shortening and the bullet
 * guard read (see README → Key developments). Loaded on first use: most of a build never needs it.
 */
import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One token of a sentence, with where it stands in the sentence's text. */
export interface Token {
  readonly text: string;
  /** Universal Dependencies tag: NOUN, PROPN, VERB, AUX, PRON, DET, ADP, SCONJ, CCONJ, PUNCT, NUM… */
  readonly pos: string;
  /** Offsets in the text given to `tag`. */
  readonly start: number;
  readonly end: number;
}

let tagger: WinkMethods | undefined;

/** The tokens of an English text, in order, with their parts of speech and offsets. */
export function tag(text: string): Token[] {
  tagger ??= winkNLP(model);
  const doc = tagger.readDoc(text);
  const values = doc.tokens().out();
  const tags = doc.tokens().out(tagger.its.pos);
  const tokens: Token[] = [];
  let cursor = 0;
  values.forEach((value, index) => {
    // The tagger may normalise a token (quotes, contractions): find it as written, else step past it.
    const at = text.indexOf(value, cursor);
    const start = at >= 0 && at - cursor < 8 ? at : cursor;
    const end = at >= 0 && at - cursor < 8 ? at + value.length : Math.min(text.length, cursor + value.length);
    tokens.push({ text: text.slice(start, end), pos: tags[index] ?? 'X', start, end });
    cursor = end;
  });
  return tokens.map((token, index) =>
    misTaggedVerb(token, tokens[index - 1], tokens[index + 1]) && !verbFollows(tokens, index)
      ? { ...token, pos: 'VERB' }
      : token,
  );
}

/**
 * Verbs of financial news the model reads as nouns after a noun ("projections show inflation", "the deal
 * values the group", "the company plans a rights issue", "Amazon plans to cut"): a verb where what follows is
 * its object or infinitive.
 */
const VERB_NOUN_HOMOGRAPHS = new Set([
  'show',
  'shows',
  'values',
  'plans',
  'expects',
  'sees',
  'targets',
  'forecast',
  'forecasts',
  'estimates',
  'cuts',
  'raises',
  'lifts',
  'puts',
  'sets',
  'rises',
  'falls',
  'gains',
  'drops',
  'jumps',
  'climbs',
  'slips',
  'surges',
]);

function misTaggedVerb(token: Token, before: Token | undefined, after: Token | undefined): boolean {
  return (
    token.pos === 'NOUN' &&
    VERB_NOUN_HOMOGRAPHS.has(token.text.toLowerCase()) &&
    /^(?:NOUN|PROPN)$/.test(before?.pos ?? '') &&
    (/^(?:DET|NUM|SYM|NOUN|ADJ|PRON|PROPN)$/.test(after?.pos ?? '') || after?.text.toLowerCase() === 'to')
  );
}

/** Whether the clause has a verb after `index`: then the word at `index` is a noun ("the earnings forecast range was …"). */
function verbFollows(tokens: readonly Token[], index: number): boolean {
  for (let at = index + 1; at < tokens.length; at++) {
    const token = tokens[at] as Token;
    if (/^[,;:.!?]$/.test(token.text) || token.pos === 'CCONJ') return false;
    // An infinitive ("plans to cut") is the homograph's complement, not a verb of its own.
    const infinitive = tokens[at - 1]?.text.toLowerCase() === 'to';
    if ((token.pos === 'VERB' || token.pos === 'AUX') && !infinitive) return true;
  }
  return false;
}

/** Whether a language is one the tagger reads: English, whatever its region. */
export function isTaggedLanguage(lang: string | undefined): boolean {
  return (lang ?? 'en').toLowerCase().split('-')[0] === 'en';
}
