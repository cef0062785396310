/**
 * Rule: a headline longer than search results and social networks show is a warning, not an error: it
 * is valid, but readers there may not see its end. (The schema stops only an absurd length.)
 */
import { fieldPosition } from '../../frontmatter.ts';
import { HEADLINE_SHOWN_LENGTH } from '../../schema/index.ts';
import type { FrontmatterRule } from '../checked-file.ts';

/** Characters as readers count them: an accented letter, a flag or a family emoji is one. */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export const headlineLength: FrontmatterRule = ({ file, frontmatter, block }) => {
  const length = [...graphemes.segment(frontmatter.title)].length;
  if (length <= HEADLINE_SHOWN_LENGTH) return [];
  return [
    {
      file: file.path,
      ...fieldPosition(block, ['title']),
      severity: 'warning',
      field: 'title',
      message: `has ${length} characters: search results and social networks cut a headline after about ${HEADLINE_SHOWN_LENGTH}, so readers there may not see its end (shorten it, or move detail to the dek)`,
    },
  ];
};
