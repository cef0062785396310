/**
 * Rule: a briefing's own image (`image.src`), when it is a path of the site, names a file in the
 * project's `public/`; otherwise every network that shows the briefing would show a broken image.
 */
import { fieldPosition } from '../../frontmatter.ts';
import type { FrontmatterRule } from '../checked-file.ts';

/** A stand-in for the site's origin: `src` is resolved against it as the page's `og:image` address is. */
const SITE = 'https://site.invalid';

export const socialImage: FrontmatterRule = ({ file, frontmatter, block }, { context }) => {
  const src = frontmatter.image?.src;
  if (src === undefined) return [];
  const url = new URL(src, SITE);
  // An absolute URL, or a path that leaves the site (//host/…, /\host/…), is another site's file.
  if (url.origin !== SITE) return [];
  const problem = pathProblem(src, url.pathname, context.publicFileExists);
  if (!problem) return [];
  const at = fieldPosition(block, ['image', 'src']);
  return [{ file: file.path, ...at, severity: 'error', field: 'image.src', message: problem }];
};

/** What is wrong with the path networks will ask for (dot segments resolved, no query, percent-encoded). */
function pathProblem(src: string, path: string, publicFileExists: (path: string) => boolean): string | undefined {
  let file: string;
  try {
    file = decodeURIComponent(path);
  } catch {
    return `"${src}" is not a valid path: write a % sign as %25`;
  }
  if (path.endsWith('/')) return `"${src}" names a folder: use the path of an image file in public/`;
  if (!publicFileExists(path)) {
    return `"${src}" is not a file in public/, so networks would show a broken image: add public${file}, or use the path of a file there or an https:// address`;
  }
  return undefined;
}
