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

/** A trimmed, non-empty text of at most `max` characters. */
export const text = (what: string, max: number) =>
  z
    .string({ error: expected(what) })
    .trim()
    .min(1, { error: `must not be empty (${what})` })
    .max(max, { error: `is longer than ${max} characters` });

/** A list of `item`; a comma-separated string in its place gets a message that says how to write a list. */
export function listOf<T extends z.ZodType>(item: T, example: string) {
  return z.array(item, {
    error: (issue) =>
      typeof issue.input === 'string'
        ? `expected a list such as ${example}, got the text "${issue.input}" (write one item per entry, not a comma-separated string)`
        : expected(`a list such as ${example}`)(issue),
  });
}

/** Refinement: no value appears twice in the list. */
export function noDuplicates(values: readonly string[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [index], message: `lists "${value}" twice` });
    seen.add(value);
  });
}
