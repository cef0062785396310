import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleGraph } from '../../src/build/module-graph.ts';
import { CACHE_SOURCES, SITE_SOURCES, WORKER_ENTRIES } from '../../src/build/project-files.ts';
import { PROJECT_ROOT } from '../helpers/site-build.ts';

const graph = (name: keyof typeof CACHE_SOURCES) => moduleGraph(PROJECT_ROOT, CACHE_SOURCES[name].code);

describe('the files build plumbing names', () => {
  it('all exist', () => {
    const named = [
      ...Object.values(WORKER_ENTRIES),
      ...Object.values(CACHE_SOURCES).flatMap((sources) => [...sources.code, ...sources.files]),
      ...SITE_SOURCES,
    ];
    expect(named.filter((path) => !existsSync(join(PROJECT_ROOT, path)))).toEqual([]);
  });

  it('key rendered bodies by the pipeline, its plugins, the engine and the components, not by cards, pages or tools', () => {
    const bodies = graph('bodies');
    expect(bodies).toEqual(
      expect.arrayContaining([
        'src/markdown/pipeline.ts',
        'src/markdown/plugins/remark-key-developments.ts',
        'src/markdown/plugins/remark-smartypants.ts',
        'src/markdown/latin-parser.ts',
        'src/engine/text/figures.ts',
        'src/engine/key-developments/extract-key-developments.ts',
        'src/site.config.ts',
        'src/site/body-components.ts',
        'src/outputs/charts/price-chart.ts',
      ]),
    );
    expect(bodies.filter((path) => /^(?:src\/(?:outputs\/card|pages|components|layouts)|tools)\//.test(path))).toEqual(
      [],
    );
  });

  it('key cards by the renderer alone, and the content check by its rules', () => {
    const cards = graph('cards');
    expect(cards).toEqual(
      expect.arrayContaining(['src/outputs/card/card-template.ts', 'src/outputs/card/card-fonts.ts']),
    );
    expect(cards.filter((path) => !/^src\/(?:outputs\/card|build)\//.test(path))).toEqual([]);
    const check = graph('check');
    expect(check).toEqual(expect.arrayContaining(['src/content/check/rules/internal-links.ts', 'src/site/routes.ts']));
    expect(check.filter((path) => /^src\/(?:outputs|markdown|components|pages)\//.test(path))).toEqual([]);
  });
});
