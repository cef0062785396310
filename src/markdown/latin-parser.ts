/**
 * `parse-latin` (the natural-language parser behind SmartyPants) with the same result in linear time.
 *
 * `ParseLatin` first reads the whole text as one sentence and runs its sentence plugins over that list
 * of tokens, then splits it into sentences and runs its paragraph plugins over the list of sentences,
 * then splits at new lines and runs its root plugins over the list of paragraphs. Each plugin merges or
 * moves nodes with `Array#splice` on that list, which moves everything after the edit: on a briefing of
 * 270,000 words, a list of more than a million tokens, and most of a build's time went into it.
 *
 * This parser hands each list to the same plugins in runs of a bounded length, cut only where no plugin
 * looks across the cut, and joins the runs: the tree is the one `ParseLatin` builds (the tests compare
 * them on every kind of token the plugins handle). The cuts:
 * - tokens, before a white space token: every sentence plugin (parse-latin 7) merges or moves only words,
 *   symbols and punctuation, and sees a white space neighbour as it sees none;
 * - sentences, between a sentence that has a word and ends in a terminal mark not after a word of four
 *   letters or fewer (an abbreviation such as `etc.` joins the next sentence) and one that opens with
 *   white space and a capitalised word (a lower-case or a digit start, a closing symbol or a comma joins
 *   the previous one);
 * - paragraphs, anywhere: the root plugins each look at one paragraph.
 */
import type { Paragraph, Root, Sentence, SentenceContent } from 'nlcst';
import { toString } from 'nlcst-to-string';
import { ParseLatin } from 'parse-latin';

/** Past this many nodes, a run ends at the next place where it may. */
export const RUN_LENGTH = 512;

/**
 * What a parse did: the tokens and sentences it read, which grow with the text, and the longest list each
 * kind of plugin was handed, which does not (`ParseLatin` hands its sentence plugins every token at once).
 */
export interface LatinParserWork {
  tokens: number;
  sentences: number;
  longestTokenRun: number;
  longestSentenceRun: number;
  longestParagraphRun: number;
}

type Parent = Root | Paragraph | Sentence;
type Plugin<Node extends Parent> = (node: Node) => unknown;

/** Runs `plugins` on `children` in runs of about `length`, cut only before indices `mayCut` allows. */
function inRuns<Node extends Parent>(
  node: Node,
  children: Node['children'],
  plugins: readonly Plugin<Node>[],
  length: number,
  mayCut: (index: number) => boolean,
): number {
  const joined: Node['children'][number][] = [];
  let longest = 0;
  let start = 0;
  while (start < children.length) {
    let end = Math.min(start + length, children.length);
    while (end < children.length && !mayCut(end)) end += 1;
    const run = { ...node, children: children.slice(start, end) } as Node;
    longest = Math.max(longest, run.children.length);
    for (const plugin of plugins) plugin(run);
    for (const child of run.children) joined.push(child);
    start = end;
  }
  node.children = joined as Node['children'];
  // What parse-latin's last plugin, `patchPosition`, does for the whole node: it starts where its first
  // child starts and ends where its last child ends, unless it already has a start or an end.
  const first = joined[0]?.position;
  const last = joined.at(-1)?.position;
  const position: Partial<NonNullable<Node['position']>> = node.position ?? {};
  if (first && !position.start) position.start = first.start;
  if (last && !position.end) position.end = last.end;
  if (position.start || position.end) node.position = position as Node['position'];
  return longest;
}

const lastTwo = (sentence: SentenceContent[]) => [sentence.at(-2), sentence.at(-1)] as const;

/** Whether no paragraph plugin joins `left` and `right`, or moves a node from one to the other. */
function sentencesApart(left: Paragraph['children'][number], right: Paragraph['children'][number]): boolean {
  if (left.type !== 'SentenceNode' || right.type !== 'SentenceNode') return false;
  if (!left.children.some((child) => child.type === 'WordNode')) return false;
  const [beforeMark, mark] = lastTwo(left.children);
  if (!mark || (mark.type !== 'PunctuationNode' && mark.type !== 'SymbolNode')) return false;
  if (toString(mark) === '.' && beforeMark?.type === 'WordNode' && toString(beforeMark).toLowerCase().length <= 4) {
    return false;
  }
  const [space, word] = right.children;
  return space?.type === 'WhiteSpaceNode' && word?.type === 'WordNode' && /^[A-Z]/.test(toString(word));
}

export class LinearParseLatin extends ParseLatin {
  readonly work: LatinParserWork = {
    tokens: 0,
    sentences: 0,
    longestTokenRun: 0,
    longestSentenceRun: 0,
    longestParagraphRun: 0,
  };

  private readonly runLength: number;

  /** `runLength`: how long a run grows before it ends at the next cut (tests make it short). */
  constructor(runLength = RUN_LENGTH) {
    super();
    this.runLength = runLength;
  }

  override tokenizeSentence(value?: string | null): Sentence {
    const tokens = this.tokenize(value);
    const sentence: Sentence = { type: 'SentenceNode', children: [] };
    this.work.tokens += tokens.length;
    const longest = inRuns(
      sentence,
      tokens,
      this.tokenizeSentencePlugins,
      this.runLength,
      (index) => tokens[index]?.type === 'WhiteSpaceNode',
    );
    this.work.longestTokenRun = Math.max(this.work.longestTokenRun, longest);
    return sentence;
  }

  override tokenizeParagraph(value?: string | null): Paragraph {
    // The sentence and the split into sentences as parse-latin makes them, with the plugins run here.
    const plugins = this.tokenizeParagraphPlugins;
    this.tokenizeParagraphPlugins = [];
    const paragraph = super.tokenizeParagraph(value);
    this.tokenizeParagraphPlugins = plugins;
    const sentences = paragraph.children;
    this.work.sentences += sentences.length;
    const longest = inRuns(paragraph, sentences, plugins, this.runLength, (index) => {
      const [left, right] = [sentences[index - 1], sentences[index]];
      return left !== undefined && right !== undefined && sentencesApart(left, right);
    });
    this.work.longestSentenceRun = Math.max(this.work.longestSentenceRun, longest);
    return paragraph;
  }

  override tokenizeRoot(value?: string | null): Root {
    const plugins = this.tokenizeRootPlugins;
    this.tokenizeRootPlugins = [];
    const root = super.tokenizeRoot(value);
    this.tokenizeRootPlugins = plugins;
    const longest = inRuns(root, root.children, plugins, this.runLength, () => true);
    this.work.longestParagraphRun = Math.max(this.work.longestParagraphRun, longest);
    return root;
  }
}
