/**
 * Checks every briefing without building the site: its bytes (UTF-8 text), frontmatter (YAML and
 * schema), MDX syntax, then one rule per concern (`rules/`): known tickers, market data, the headline's
 * length, the briefing's own image, code (imports, exports, expressions), components and their
 * attributes, markup that runs code or loads other documents, images, links and hand-written key
 * developments; and across files, duplicate slugs. Each finding names the file, the line and column in
 * the `.mdx` file, and what is wrong.
 */
import GithubSlugger from 'github-slugger';
import type { Finding } from '../finding.ts';
import { readBriefingFrontmatter } from '../frontmatter.ts';
import { readSourceText } from '../source-text.ts';
import type {
  BodyRule,
  CheckContext,
  CheckedFile,
  CheckedFrontmatter,
  ContentFile,
  ContentSource,
  FrontmatterRule,
  Positioned,
  SiteIndex,
} from './checked-file.ts';
import { finding } from './finding-helpers.ts';
import { parseBody } from './mdx-syntax.ts';
import { noCode } from './rules/no-code.ts';
import { componentUsage } from './rules/component-usage.ts';
import { headlineLength } from './rules/headline-length.ts';
import { hostileMarkup } from './rules/hostile-markup.ts';
import { internalLinks } from './rules/internal-links.ts';
import { keyDevelopmentFigures } from './rules/key-development-figures.ts';
import { knownTickers } from './rules/known-tickers.ts';
import { markdownImages } from './rules/markdown-images.ts';
import { marketAgreement } from './rules/market-agreement.ts';
import { socialImage } from './rules/social-image.ts';

export type { CheckContext, ContentFile, ContentSource } from './checked-file.ts';

const FRONTMATTER_RULES: readonly FrontmatterRule[] = [knownTickers, marketAgreement, headlineLength, socialImage];
const BODY_RULES: readonly BodyRule[] = [
  noCode,
  componentUsage,
  hostileMarkup,
  markdownImages,
  internalLinks,
  keyDevelopmentFigures,
];

/** The id Astro's glob loader gives a file: its path below `briefings/` without extension, as a slug. */
export function briefingId(pathInBriefings: string): string {
  return pathInBriefings
    .replace(/\.mdx$/, '')
    .split('/')
    .map((segment) => new GithubSlugger().slug(segment))
    .join('/');
}

/**
 * Checks `given` briefings: as read from disk (bytes, so that bytes which are not UTF-8 are found at their
 * place) or as text.
 */
export function checkContent(given: readonly ContentSource[], context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const parsed = given.map(({ path, source }) => {
    // Rules read the whole text too: a byte-order mark or `\r\n` must change no finding (`source-text.ts`).
    const { text, problem } = readSourceText(source);
    const file: ContentFile = { path, source: text };
    const id = briefingId(path.replace(/^.*?briefings\//, ''));
    // Bytes that are not text are the one finding of their file: what a parser makes of them is noise.
    const result: ReturnType<typeof readBriefingFrontmatter> = problem
      ? { ok: false, findings: [finding(path, problem.line, problem.column, 'error', problem.message)] }
      : readBriefingFrontmatter(text, { file: path, authors: context.authors });
    return { file, id, result };
  });

  const ids = new Map<string, string>();
  for (const { file, id } of parsed) {
    const other = ids.get(id);
    if (other) {
      findings.push(finding(file.path, 1, 1, 'error', `has the same URL slug "${id}" as ${other}: rename one of them`));
    } else {
      ids.set(id, file.path);
    }
  }
  const tickersInUse = new Set<string>();
  const tagsInUse = new Set<string>();
  for (const { result } of parsed) {
    if (!result.ok) continue;
    result.frontmatter.tickers.forEach((symbol) => tickersInUse.add(symbol));
    result.frontmatter.tags.forEach((tag) => tagsInUse.add(tag));
  }
  const site: SiteIndex = { context, briefingIds: new Set(ids.keys()), tickersInUse, tagsInUse };

  const siteKey = JSON.stringify([[...site.briefingIds].sort(), [...tickersInUse].sort(), [...tagsInUse].sort()]);
  for (const { file, result } of parsed) {
    const check = () => (result.ok ? checkFile({ file, ...result }, site) : [...result.findings]);
    findings.push(...(context.memo ? context.memo(file, siteKey, check) : check()));
  }
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** Every finding of one file whose frontmatter is valid. */
function checkFile(checkedFrontmatter: CheckedFrontmatter, site: SiteIndex): Finding[] {
  const { file, block } = checkedFrontmatter;
  const findings = FRONTMATTER_RULES.flatMap((rule) => rule(checkedFrontmatter, site));
  const body = parseBody(file.path, block);
  if ('error' in body) return [...findings, body.error];
  const lineOffset = block.bodyStartLine - 1;
  const at = (node: Positioned) => ({
    line: (node.position?.start.line ?? 1) + lineOffset,
    column: node.position?.start.column ?? 1,
  });
  const checked: CheckedFile = {
    ...checkedFrontmatter,
    tree: body.tree,
    findingAt: (node, severity, message) => finding(file.path, at(node).line, at(node).column, severity, message),
  };
  return [...findings, ...BODY_RULES.flatMap((rule) => rule(checked, site))];
}
