/** An image of a briefing's own for social networks, instead of the generated card. */
import { z } from 'astro/zod';
import { expected, text } from './messages.ts';

const pixels = (what: string) =>
  z
    .number({ error: expected(what) })
    .int({ error: `must be a whole number (${what})` })
    .positive({ error: 'must be above zero' });

export const briefingImageSchema = z.strictObject({
  /**
   * Absolute URL, or a path of a file in the project's `public/` such as /images/amazon.png (for
   * public/images/amazon.png); the check fails on a path with no file, which networks would show broken.
   */
  src: z
    .string({ error: expected('an image URL or a path such as /images/x.png') })
    .refine((src) => /^(?:https?:\/\/|\/)/.test(src) && URL.canParse(src, 'https://site.invalid'), {
      error: 'must be an absolute http(s) URL or a path starting with /',
    }),
  /** What the image shows, for readers who cannot see it. */
  alt: text('a description of the image', 300),
  /** Width in pixels, if known. */
  width: pixels('a width in pixels such as 1200').optional(),
  /** Height in pixels, if known. */
  height: pixels('a height in pixels such as 630').optional(),
});
