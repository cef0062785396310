import { describe, expect, it } from 'vitest';
import { readAuthorYaml } from '../../../src/content/loaders/author-loader.ts';

const FILE = 'content/authors/someone.yaml';

describe('readAuthorYaml', () => {
  it('reads an author file', () => {
    expect(readAuthorYaml('name: Ada Lovelace\nbio: Writes about engines.\n', FILE)).toEqual({
      name: 'Ada Lovelace',
      bio: 'Writes about engines.',
    });
  });

  it('names the file, line and column of a YAML syntax error, in one line', () => {
    expect(() => readAuthorYaml('name: Ada\nbio: [unclosed\n', FILE)).toThrow(
      new RegExp(`^${FILE}:\\d+:\\d+: error: YAML: [^\\n]+$`),
    );
  });

  it('names the file of an alias with no anchor, which yaml throws only while reading values', () => {
    expect(() => readAuthorYaml('name: *nobody\n', FILE)).toThrow(new RegExp(`^${FILE}:1:\\d+: error: YAML: `));
  });
});
