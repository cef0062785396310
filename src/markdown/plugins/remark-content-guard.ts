/**
 * The build's own guard, first of the briefing pipeline: before a briefing's body is rendered,
 * it refuses every construct that would run code on the build machine (imports, exports, `{…}`
 * expressions, attribute spreads) and every built-in component whose attributes the component could not
 * draw; each built-in component is then given its place in the file (`PLACE_ATTRIBUTE`), so that what
 * only rendering finds is reported there too. Nothing of a briefing is evaluated before this runs, so a build started without the content
 * check (`astro build`, `npm run dev`) runs no author code either. The rules are the check's own
 * (`src/content/author-code.ts`, `src/content/component-props.ts`); the error lists each problem as
 * `file:line:column: error: …`, as the check prints it.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { authorCode, type BodyPlace } from '../../content/author-code.ts';
import { componentProblems, PLACE_ATTRIBUTE, type ComponentElement } from '../../content/component-props.ts';
import { displayPath, formatFinding, type Finding } from '../../content/finding.ts';
import { isMdxComponentName } from '../../content/mdx-component-names.ts';

/** Refused content, with its first place for Astro's error overlay and log (`MDXError.loc`). */
export class ContentGuardError extends Error {
  override name = 'ContentGuardError';
  readonly line: number;
  readonly column: number;

  constructor(findings: readonly Finding[]) {
    super(`This briefing cannot be built:\n${findings.map(formatFinding).join('\n')}`);
    this.line = findings[0]?.line ?? 1;
    this.column = findings[0]?.column ?? 1;
  }
}

export default function remarkContentGuard() {
  return (tree: Root, file: VFile) => {
    // Astro compiles the body with the frontmatter blanked out, line for line: places are the file's.
    const problems: { at: BodyPlace; message: string }[] = [...authorCode(tree)];
    // Relative to the working folder, the project, as the check names files.
    const path = file.path ? displayPath(file.cwd, file.path) : 'briefing';
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const { name } = node;
      if (!isMdxComponentName(name)) return;
      problems.push(...componentProblems({ ...node, name } as ComponentElement));
      // What only rendering can find (a chart's market data) is reported at the element too.
      const start = node.position?.start ?? { line: 1, column: 1 };
      node.attributes.push({
        type: 'mdxJsxAttribute',
        name: PLACE_ATTRIBUTE,
        value: `${path}:${start.line}:${start.column}`,
      });
    });
    if (problems.length === 0) return;
    throw new ContentGuardError(
      problems
        .sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column)
        .map(({ at, message }) => ({ file: path, ...at, severity: 'error', message })),
    );
  };
}
