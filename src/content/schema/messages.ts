/**
 * How the schemas word what is wrong: what a field expects, the value found, and the checks every text
 * and list field shares. Kept apart from the schemas so every message reads the same way.
 */
import { z } from 'astro/zod';

/** Describes a wrong value in a few words, for messages: `the text "AMZN, MSFT"`, `a number (5)`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `the text "${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  return 'a group of fields';
}

/** The message for a missing or mistyped value: "is required (…)" or "expected …, got …". */
export function expected(what: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? `is required (${what})` : `expected ${what}, got ${describeValue(issue.input)}`;
}

/**
 * A trimmed, non-empty text of at most `max` characters (UTF-16 code units, as Zod counts); `tooLong`
 * says what to do instead, when a longer text is a mistake worth explaining.
 */
export const text = (what: string, max: number, tooLong?: string) =>
  z
    .string({ error: expected(what) })
    .trim()
    .min(1, { error: `must not be empty (${what})` })
    .max(max, { error: `is longer than ${max} characters${tooLong ? `: ${tooLong}` : ''}` });

/** What a ticker symbol looks like, for every message about one that does not. */
const TICKER_SYMBOL_FORM = 'use upper-case letters and digits, with an optional class suffix (AMZN, T, BRK.B)';

/**
 * The message for something that is not a ticker symbol, in the frontmatter (`what` is the quoted
 * value) or in the body (`what` is the `<Ticker symbol="…">` mention).
 */
export function notATickerSymbol(what: string): string {
  return `${what} is not a ticker symbol: ${TICKER_SYMBOL_FORM}`;
}

/**
 * The message for an author with no file in `content/authors/`: add the file or use a known id. A
 * name written instead of an id ("Jane Doe") gets the id it would have (jane-doe), or the existing
 * author it spells differently; a name with letters an id cannot hold gets the form of an id.
 */
export function unknownAuthor(author: string, known: readonly string[]): string {
  const useOne = known.length > 0 ? `use one of ${known.join(', ')}` : undefined;
  const or = useOne ? `, or ${useOne}` : '';
  const id = authorIdFor(author);
  if (id === author) {
    return `"${author}" is not an author: add content/authors/${author}.yaml${useOne ? ` or ${useOne}` : ''}`;
  }
  if (id !== undefined && known.includes(id)) return `"${author}" is not an author id: write ${id}`;
  return id === undefined
    ? `"${author}" is not an author id (lower-case letters, digits and hyphens, such as jane-doe): add content/authors/<id>.yaml and write its id${or}`
    : `"${author}" is not an author id: write ${id} and add content/authors/${id}.yaml${or}`;
}

/** The author id a name would have (José Núñez → jose-nunez); undefined when it has letters outside a–z. */
function authorIdFor(name: string): string | undefined {
  const base = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  if (/\p{L}/u.test(base.replace(/[a-z]/g, ''))) return undefined;
  const id = base.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return id === '' ? undefined : id;
}

/** A list of `item`; a comma-separated string in its place gets a message that says how to write a list. */
export function listOf<T extends z.ZodType>(item: T, example: string) {
  return z.array(item, {
    error: (issue) =>
      typeof issue.input === 'string'
        ? `expected a list such as ${example}, got the text "${issue.input}" (write one item per entry, not a comma-separated string)`
        : expected(`a list such as ${example}`)(issue),
  });
}

/**
 * Marks an issue that makes every other issue of the same value moot, in the issue's `params`: a list
 * entry that repeats an earlier one is to be removed, not corrected, so only that is reported.
 */
export const SUPERSEDES_OTHER_ISSUES = 'supersedesOtherIssues';

/** Refinement: no value appears twice in the list. */
export function noDuplicates(values: readonly string[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) {
      ctx.addIssue({
        code: 'custom',
        path: [index],
        message: `lists "${value}" twice`,
        params: { [SUPERSEDES_OTHER_ISSUES]: true },
      });
    }
    seen.add(value);
  });
}
