/**
 * Gives every quotable paragraph its id (`para-N`) and leaves the briefing's key-developments box in
 * the frontmatter the pipeline hands on (`KEY_DEVELOPMENTS_FIELD`), which the loader stores with the body.
 */
// Declares `data.hProperties` on mdast nodes.
import type {} from 'mdast-util-to-hast';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { keyDevelopmentsBox } from '../../engine/key-developments/key-developments-box.ts';
import { collectParagraphs } from '../../engine/text/paragraphs.ts';
import { buildGlobals, noKeyDevelopmentsTiming } from '../../build/build-globals.ts';

export interface RemarkKeyDevelopmentsOptions {
  /** Bullets per box, 1 to 5. */
  readonly count: number;
  /** The site's locale: the language of a briefing that names none (`lang` in its frontmatter). */
  readonly locale: string;
}

/** The frontmatter field in which the pipeline leaves a briefing's key-developments box. */
export const KEY_DEVELOPMENTS_FIELD = 'keyDevelopmentsBox';

interface AstroData {
  frontmatter?: Record<string, unknown>;
}

/**
 * CPU time of this thread; of the whole process on Node versions before `process.threadCpuUsage`
 * (23.9), which `engines` still allows.
 */
function cpuUsage(previous?: NodeJS.CpuUsage): NodeJS.CpuUsage {
  return typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage(previous) : process.cpuUsage(previous);
}

export default function remarkKeyDevelopments(options: RemarkKeyDevelopmentsOptions) {
  return (tree: Root, file: VFile) => {
    const started = performance.now();
    const startedCpu = cpuUsage();
    const paragraphs = collectParagraphs(tree);
    for (const paragraph of paragraphs) {
      paragraph.node.data = {
        ...paragraph.node.data,
        hProperties: { ...paragraph.node.data?.hProperties, id: paragraph.id },
      };
    }
    const astro = (file.data['astro'] ??= {}) as AstroData;
    const frontmatter = (astro.frontmatter ??= {});
    const title = frontmatter['title'];
    if (typeof title !== 'string') return;
    const dek = frontmatter['dek'];
    const override = frontmatter['keyDevelopments'];
    const lang = frontmatter['lang'];
    frontmatter[KEY_DEVELOPMENTS_FIELD] = keyDevelopmentsBox({
      title,
      dek: typeof dek === 'string' ? dek : undefined,
      override: override === false || Array.isArray(override) ? (override as false | string[]) : undefined,
      paragraphs,
      count: options.count,
      lang: typeof lang === 'string' ? lang : options.locale,
    });
    const cpu = cpuUsage(startedCpu);
    const timing = (buildGlobals().keyDevelopments ??= noKeyDevelopmentsTiming());
    timing.briefings += 1;
    timing.milliseconds += performance.now() - started;
    timing.cpuMilliseconds += (cpu.user + cpu.system) / 1000;
  };
}
