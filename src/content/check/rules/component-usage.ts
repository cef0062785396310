/**
 * Rule: every component a briefing uses is one of the built-in ones, written with the attributes it
 * takes and values it can draw (`src/content/component-props.ts`, the rules the components parse their
 * props with), and `<img>` has alt text; a `<Ticker>` of a ticker no briefing lists is a warning (it
 * shows, without a link).
 */
import { visit } from 'unist-util-visit';
import type { Finding } from '../../finding.ts';
import { componentProblems, type ComponentElement } from '../../component-props.ts';
import { isMdxComponentName, MDX_COMPONENT_NAMES, RENAMED_MDX_COMPONENTS } from '../../mdx-component-names.ts';
import type { BodyRule, Positioned } from '../checked-file.ts';
import { listOf } from '../finding-helpers.ts';

interface JsxNode {
  readonly type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  readonly name: string | null;
  readonly attributes: ComponentElement['attributes'];
  readonly position?: Positioned['position'];
}

export const componentUsage: BodyRule = ({ tree, findingAt }, { context, tickersInUse }) => {
  const findings: Finding[] = [];
  visit(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const jsx = node as unknown as JsxNode;
    const name = jsx.name ?? '';
    const attribute = (key: string) => jsx.attributes.find((candidate) => candidate.name === key);
    if (isMdxComponentName(name)) {
      const problems = componentProblems({ ...jsx, name }, context.series);
      for (const { at, message } of problems) findings.push(findingAt({ position: { start: at } }, 'error', message));
      const symbol = attribute('symbol');
      if (name === 'Ticker' && problems.length === 0 && typeof symbol?.value === 'string') {
        if (!tickersInUse.has(symbol.value)) {
          findings.push(
            findingAt(
              symbol.position ? symbol : jsx,
              'warning',
              `<Ticker symbol="${symbol.value}"> names a ticker no published briefing lists, so it will not link to a ticker page`,
            ),
          );
        }
      }
    } else if (/^[A-Z]/.test(name)) {
      const renamed = RENAMED_MDX_COMPONENTS[name];
      findings.push(
        findingAt(
          jsx,
          'error',
          renamed
            ? `<${name}> is now called <${renamed}>: rename it (the attributes stay the same)`
            : `<${name}> is not a component briefings can use: use ${listOf(MDX_COMPONENT_NAMES.map((c) => `<${c}>`))}`,
        ),
      );
    }
    if (name === 'img' && attribute('alt') === undefined) {
      findings.push(
        findingAt(jsx, 'error', '<img> has no alt attribute: describe the image, or alt="" if it is decoration'),
      );
    }
  });
  return findings;
};
