import type { APIRoute } from 'astro';
import faviconSvg from '../../public/favicon.svg?raw';
import { faviconIco } from '../outputs/icons/site-icons.ts';

export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await faviconIco(faviconSvg)), { headers: { 'Content-Type': 'image/x-icon' } });
