/** Rule: every figure in an editor's own key developments appears in the body, so readers can check it. */
import type { Finding } from '../../finding.ts';
import { findFigures } from '../../../engine/text/figures.ts';
import { collectParagraphs } from '../../../engine/text/paragraphs.ts';
import type { BodyRule } from '../checked-file.ts';
import { lineOf } from '../finding-helpers.ts';

export const keyDevelopmentFigures: BodyRule = ({ file, frontmatter, tree }) => {
  if (!Array.isArray(frontmatter.keyDevelopments)) return [];
  const body = collectParagraphs(tree)
    .map((paragraph) => paragraph.text)
    .join(' ');
  const line = lineOf(file.source, /^keyDevelopments:/);
  return frontmatter.keyDevelopments.flatMap((bullet, index) =>
    findFigures(bullet)
      .filter((figure) => !body.includes(figure.text))
      .map((figure): Finding => ({
        file: file.path,
        line,
        column: 1,
        severity: 'warning',
        field: `keyDevelopments[${index}]`,
        message: `"${figure.text}" does not appear in the body: readers cannot check it`,
      })),
  );
};
