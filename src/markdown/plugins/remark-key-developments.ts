/**
 * Gives every quotable paragraph its id (`para-N`) and hands the page its key-developments box as
 * `remarkPluginFrontmatter.keyDevelopmentsBox`.
 */
// Declares `data.hProperties` on mdast nodes.
import type {} from 'mdast-util-to-hast';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { keyDevelopmentsBox } from '../../engine/key-developments/key-developments-box.ts';
import { collectParagraphs } from '../../engine/text/paragraphs.ts';

export interface RemarkKeyDevelopmentsOptions {
  /** Bullets per box, 1 to 5. */
  readonly count: number;
}

interface AstroData {
  frontmatter?: Record<string, unknown>;
}

/** Time spent choosing key developments in this thread, for the build log. */
export interface KeyDevelopmentsTiming {
  briefings: number;
  /** Wall-clock time, which includes waiting for a core on a busy machine. */
  milliseconds: number;
  /** CPU time of the thread doing the work: what the engine costs, however busy the machine is. */
  cpuMilliseconds: number;
}

declare global {
  var __tickerpressKeyDevelopments: KeyDevelopmentsTiming | undefined;
}

/** An empty tally, for threads that have chosen no key developments yet. */
export function noKeyDevelopmentsTiming(): KeyDevelopmentsTiming {
  return { briefings: 0, milliseconds: 0, cpuMilliseconds: 0 };
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
    frontmatter['keyDevelopmentsBox'] = keyDevelopmentsBox({
      title,
      dek: typeof dek === 'string' ? dek : undefined,
      override: override === false || Array.isArray(override) ? (override as false | string[]) : undefined,
      paragraphs,
      count: options.count,
    });
    const cpu = cpuUsage(startedCpu);
    const timing = (globalThis.__tickerpressKeyDevelopments ??= noKeyDevelopmentsTiming());
    timing.briefings += 1;
    timing.milliseconds += performance.now() - started;
    timing.cpuMilliseconds += (cpu.user + cpu.system) / 1000;
  };
}
