/** Where a briefing's facts came from. */
import { z } from 'astro/zod';
import { webUrl } from './field-types.ts';
import { text } from './messages.ts';

export const sourceSchema = z.strictObject({
  /** Publisher or document, e.g. "The Wall Street Journal". */
  name: text('the source name', 120),
  /** Link to the report, if public. */
  url: webUrl.optional(),
});

export type Source = z.output<typeof sourceSchema>;
