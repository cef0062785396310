/**
 * What the "Key developments at a glance" box shows for a briefing: generated bullets, the editor's
 * own (from frontmatter), or nothing. Pages, feeds and cards all read this one result.
 */
import { findFigures, type Figure } from '../text/figures.ts';
import { extractKeyDevelopments, type SourceParagraph } from './extract-key-developments.ts';

/** The box's heading, on the page and in feed items. */
export const KEY_DEVELOPMENTS_TITLE = 'Key developments at a glance';

export interface BoxBullet {
  readonly text: string;
  readonly figures: readonly Figure[];
  /** The paragraph a generated bullet comes from; editors' bullets have none. */
  readonly paragraphId?: string | undefined;
  /** Every paragraph a generated bullet draws on, the first being `paragraphId`. */
  readonly paragraphIds?: readonly string[] | undefined;
}

export interface KeyDevelopmentsBox {
  /** `generated` from the text, `editor` from frontmatter, `off` when frontmatter says false. */
  readonly source: 'generated' | 'editor' | 'off';
  readonly bullets: readonly BoxBullet[];
}

export interface BoxInput {
  readonly title: string;
  readonly dek?: string | undefined;
  /** The frontmatter's `keyDevelopments`: absent, `false`, or the editor's bullets. */
  readonly override?: false | readonly string[] | undefined;
  readonly paragraphs: readonly SourceParagraph[];
  readonly count: number;
  /** The briefing's language (BCP 47): how its sentences end and its figures are written. */
  readonly lang?: string | undefined;
}

export function keyDevelopmentsBox(input: BoxInput): KeyDevelopmentsBox {
  if (input.override === false) return { source: 'off', bullets: [] };
  if (input.override) {
    return {
      source: 'editor',
      bullets: input.override.map((text) => ({ text, figures: findFigures(text, input.lang) })),
    };
  }
  const bullets = extractKeyDevelopments(
    { title: input.title, dek: input.dek, paragraphs: input.paragraphs, lang: input.lang },
    { count: input.count },
  );
  return { source: bullets.length > 0 ? 'generated' : 'off', bullets };
}
