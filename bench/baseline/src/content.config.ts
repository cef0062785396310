import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const briefings = defineCollection({
  loader: glob({ pattern: '**/[^_]*.mdx', base: join(process.env['CONTENT_DIR'] ?? '../../content', 'briefings') }),
});

export const collections = { briefings };
