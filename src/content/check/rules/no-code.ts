/**
 * Rule: no code in a briefing. Every import, export, `{…}` expression and attribute spread is an error
 * at its line and column, as the build refuses them too (`src/content/author-code.ts` says why).
 */
import { authorCode } from '../../author-code.ts';
import type { BodyRule } from '../checked-file.ts';

export const noCode: BodyRule = ({ tree, findingAt }) =>
  authorCode(tree).map(({ at, message }) => findingAt({ position: { start: at } }, 'error', message));
