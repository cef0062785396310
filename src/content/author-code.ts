/**
 * Code written in a briefing. MDX lets a file import modules, export values and evaluate `{…}`
 * expressions, all of which run on the build machine while the site is built: an expression such as
 * `{process.env.HOME}` would publish the machine's environment, an import of `node:fs` its files. A
 * briefing is content, so every such construct is refused. This is the one list of them: the content
 * check reports each as a finding, and the build's own guard (`src/markdown/plugins/remark-content-guard.ts`)
 * refuses the same before MDX compiles anything, so a build run without the check runs no author code.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** A place in the body, as the parser counts it (the body's own lines). */
export interface BodyPlace {
  readonly line: number;
  readonly column: number;
}

/** One construct that would run code, and why it is refused. */
export interface AuthorCode {
  readonly at: BodyPlace;
  readonly message: string;
}

const WHY = "a briefing's code would run on the build machine while the site is built";
const LITERAL_BRACE = 'write \\{ for a literal brace';

interface Positioned {
  readonly position?: { readonly start: { readonly line: number; readonly column: number } } | undefined;
}

interface JsxAttributeNode extends Positioned {
  readonly type: string;
  readonly name?: string;
  readonly value?: unknown;
}

interface JsxElementNode extends Positioned {
  readonly name: string | null;
  readonly attributes: readonly JsxAttributeNode[];
}

const placeOf = (node: Positioned, fallback?: Positioned): BodyPlace => {
  const start = node.position?.start ?? fallback?.position?.start;
  return { line: start?.line ?? 1, column: start?.column ?? 1 };
};

/** `{/* a note *\/}` holds only a comment: it compiles to nothing and runs nothing, so authors may keep notes. */
function onlyComments(node: { data?: { estree?: unknown } | undefined }): boolean {
  const program = node.data?.estree as { body?: readonly unknown[] } | undefined;
  return Array.isArray(program?.body) && program.body.length === 0;
}

/** Every construct in a parsed MDX body that would run code, in document order. */
export function authorCode(tree: Root): AuthorCode[] {
  const found: AuthorCode[] = [];
  visit(tree, (node) => {
    switch (node.type) {
      case 'mdxjsEsm': {
        const keyword = /^\s*(import|export)\b/.exec(node.value)?.[1] ?? 'import';
        found.push({
          at: placeOf(node),
          message:
            keyword === 'import'
              ? `import is not allowed in a briefing: ${WHY}. The components <Ticker>, <PriceChart>, <BarChart> and <Sponsored> need no import`
              : `export is not allowed in a briefing: ${WHY}. Frontmatter holds a briefing's data`,
        });
        return;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!onlyComments(node)) {
          found.push({
            at: placeOf(node),
            message: `{…} is an MDX expression, which is not allowed in a briefing: ${WHY}. Write the text itself, and ${LITERAL_BRACE}`,
          });
        }
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const element = node as unknown as JsxElementNode;
        const name = element.name ?? '';
        for (const attribute of element.attributes) {
          if (attribute.type === 'mdxJsxExpressionAttribute') {
            found.push({
              at: placeOf(attribute, element),
              message: `<${name} {…}> spreads attributes from an expression, which is not allowed in a briefing: ${WHY}. Write each attribute as name="text"`,
            });
          } else if (typeof attribute.value === 'object' && attribute.value !== null) {
            found.push({
              at: placeOf(attribute, element),
              message: `<${name} ${attribute.name ?? ''}={…}> is an expression, which is not allowed in a briefing: ${WHY}. Write the attribute as ${attribute.name ?? 'name'}="text"`,
            });
          }
        }
        return;
      }
    }
  });
  return found;
}
