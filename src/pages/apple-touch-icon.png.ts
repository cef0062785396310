import type { APIRoute } from 'astro';
import faviconSvg from '../../public/favicon.svg?raw';
import { APPLE_TOUCH_SIZE, pngIcon } from '../outputs/icons/site-icons.ts';

export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await pngIcon(faviconSvg, APPLE_TOUCH_SIZE)), {
    headers: { 'Content-Type': 'image/png' },
  });
