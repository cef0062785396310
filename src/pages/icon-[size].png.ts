import type { APIRoute, GetStaticPaths } from 'astro';
import faviconSvg from '../../public/favicon.svg?raw';
import { MANIFEST_SIZES, pngIcon } from '../outputs/icons/site-icons.ts';
import { pagesToRender } from '../site/page-keys.ts';
import { iconRoutes } from '../site/routes.ts';

export const getStaticPaths = (() =>
  // The icon's source is imported, so its code hash covers it: the size is all that differs.
  pagesToRender(
    MANIFEST_SIZES.map((size) => ({ params: { size: String(size) }, cacheKey: String(size) })),
    ({ params }) => iconRoutes.png(Number(params.size)),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(new Uint8Array(await pngIcon(faviconSvg, Number(params['size']))), {
    headers: { 'Content-Type': 'image/png' },
  });
