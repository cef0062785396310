/** An image of a briefing's own for social networks, instead of the generated card. */
import { z } from 'astro/zod';
import { expected, text } from './messages.ts';

export const briefingImageSchema = z.strictObject({
  /** Absolute URL, or a path under `public/` such as /images/amazon.png. */
  src: z.string({ error: expected('an image URL or a path such as /images/x.png') }).regex(/^(?:https?:\/\/|\/)/, {
    error: 'must be an absolute http(s) URL or a path starting with /',
  }),
  /** What the image shows, for readers who cannot see it. */
  alt: text('a description of the image', 300),
  /** Width in pixels, if known. */
  width: z.number().int().positive().optional(),
  /** Height in pixels, if known. */
  height: z.number().int().positive().optional(),
});
