/** An author's file in `content/authors/<id>.yaml`. */
import { z } from 'astro/zod';
import { text } from './messages.ts';

export const authorSchema = z.strictObject({
  /** Name as printed in bylines. */
  name: text('the author name', 100),
  /** Role, e.g. "Markets editor". */
  role: text('the role', 100).optional(),
  /** One or two sentences for the author page. */
  bio: text('a short biography', 500).optional(),
});
