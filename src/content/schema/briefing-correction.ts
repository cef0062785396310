/** A correction published after a briefing, shown in its corrections log and its feed items. */
import { z } from 'astro/zod';
import { offsetDateTime } from './field-types.ts';
import { text } from './messages.ts';

export const correctionSchema = z.strictObject({
  /** When the correction was made, with offset. */
  at: offsetDateTime,
  /** What was wrong and what it now says. */
  text: text('what was corrected', 500),
});

export type Correction = z.output<typeof correctionSchema>;
