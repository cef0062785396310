import { join } from 'node:path';
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { authorSchema, briefingSchemaWith, tickerInfoSchema } from './lib/briefing-schema.ts';
import { briefingsLoader } from './loaders/briefings.ts';

/**
 * `CONTENT_DIR` points the build at another folder laid out like `content/` (its `briefings/`);
 * the project's own authors and ticker data still apply.
 */
const briefingsDir = join(process.env['CONTENT_DIR'] ?? './content', 'briefings');

const authors = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/authors' }),
  schema: authorSchema,
});

const tickers = defineCollection({
  loader: file('./content/tickers.yaml'),
  schema: tickerInfoSchema,
});

const briefings = defineCollection({
  loader: briefingsLoader({ base: briefingsDir, authorsDir: './content/authors' }),
  schema: briefingSchemaWith(reference('authors')),
});

export const collections = { authors, tickers, briefings };
