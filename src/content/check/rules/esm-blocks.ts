/**
 * Rule: every `import` in the MDX resolves, and no `export` takes a name Astro gives every MDX page.
 * Also the names a file imports, which the component rule accepts as components.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Finding } from '../../finding.ts';
import type { BodyRule } from '../checked-file.ts';
import { listOf } from '../finding-helpers.ts';

/**
 * What Astro's MDX integration exports from every page module itself; an author's export of the same
 * name fails the bundler with a position in the generated code, not in the file.
 */
const ASTRO_MDX_EXPORTS: ReadonlySet<string> = new Set([
  'frontmatter',
  'file',
  'url',
  'getHeadings',
  'Content',
  'default',
]);

const IMPORT =
  /import\s+(?:([\w$]+)|\{([^}]*)\}|\*\s+as\s+([\w$]+))?[\s,]*(?:\{([^}]*)\})?\s*(?:from\s+)?['"]([^'"]+)['"]/g;

interface ImportStatement {
  readonly names: readonly string[];
  readonly specifier: string;
}

function importsOf(value: string): ImportStatement[] {
  return [...value.matchAll(IMPORT)].map((match) => {
    const [, defaultName, named1, namespace, named2, specifier = ''] = match;
    const named = `${named1 ?? ''},${named2 ?? ''}`.split(',').map((part) =>
      part
        .trim()
        .split(/\s+as\s+/)
        .pop(),
    );
    const names = [defaultName, namespace, ...named].filter((name): name is string => Boolean(name));
    return { names, specifier };
  });
}

/** Every name the file's ESM blocks import. */
export function importedNames(tree: Root): Set<string> {
  const names = new Set<string>();
  visit(tree, 'mdxjsEsm', (node) => {
    for (const statement of importsOf(node.value)) statement.names.forEach((name) => names.add(name));
  });
  return names;
}

export const esmBlocks: BodyRule = ({ file, tree, findingAt }, { context }) => {
  const findings: Finding[] = [];
  visit(tree, 'mdxjsEsm', (node) => {
    const error = (message: string) => findings.push(findingAt(node, 'error', message));
    for (const name of exportedNames(node.data?.estree)) {
      if (!ASTRO_MDX_EXPORTS.has(name)) continue;
      error(
        `export "${name}" is a name Astro gives every MDX page (${listOf([...ASTRO_MDX_EXPORTS].map((n) => `"${n}"`))}): rename it`,
      );
    }
    for (const { specifier } of importsOf(node.value)) {
      if (!context.resolves(specifier, file.path)) {
        error(`import "${specifier}" does not resolve: check the path and the file name`);
      }
    }
  });
  return findings;
};

interface EstreeNode {
  readonly type: string;
  readonly [key: string]: unknown;
}

/** The names an ESM block of MDX exports, read from the syntax tree remark-mdx attaches to it. */
function exportedNames(program: unknown): string[] {
  const body = (program as { body?: readonly EstreeNode[] } | undefined)?.body ?? [];
  const nameOf = (node: unknown) => {
    const named = node as { name?: unknown; value?: unknown } | undefined;
    return typeof named?.name === 'string' ? named.name : typeof named?.value === 'string' ? named.value : undefined;
  };
  return body
    .flatMap((statement): (string | undefined)[] => {
      if (statement.type === 'ExportDefaultDeclaration') return ['default'];
      if (statement.type !== 'ExportNamedDeclaration') return [];
      const declaration = statement['declaration'] as
        { declarations?: readonly { id?: unknown }[]; id?: unknown } | null | undefined;
      const specifiers = (statement['specifiers'] as readonly { exported?: unknown }[] | undefined) ?? [];
      return [
        ...(declaration?.declarations?.map((declarator) => nameOf(declarator.id)) ?? []),
        nameOf(declaration?.id),
        ...specifiers.map((specifier) => nameOf(specifier.exported)),
      ];
    })
    .filter((name): name is string => name !== undefined);
}
