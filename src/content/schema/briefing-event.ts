/** A dated event a briefing announces (an earnings call, a dividend date), for its events card and calendars. */
import { z } from 'astro/zod';
import { isTimeZone } from '../../engine/time.ts';
import { offsetDateTime, webUrl } from './field-types.ts';
import { expected, text } from './messages.ts';

export const EVENT_KINDS = ['earnings', 'call', 'dividend', 'meeting', 'economic-data', 'product', 'other'] as const;

/** A dated event readers may want in their calendar, e.g. an earnings call. */
export const eventSchema = z.strictObject({
  /** What happens, e.g. "Amazon Q4 2025 earnings call". */
  title: text('the event title', 200),
  /** Kind of event. */
  kind: z.enum(EVENT_KINDS, { error: expected(`one of ${EVENT_KINDS.join(', ')}`) }),
  /** Start, with the offset of the place it happens, e.g. 2026-02-05T14:00:00-08:00. */
  start: offsetDateTime,
  /** IANA zone the event is announced in, e.g. America/Los_Angeles; shown next to the site's zone. */
  timeZone: z
    .string({ error: expected('an IANA time zone such as America/New_York') })
    .refine(isTimeZone, {
      error: (issue) => `"${String(issue.input)}" is not an IANA time zone such as America/New_York`,
    })
    .optional(),
  /** Page with details or the webcast. */
  url: webUrl.optional(),
});

export type BriefingEvent = z.output<typeof eventSchema>;
