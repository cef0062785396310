import type { APIRoute } from 'astro';
import { webManifest } from '../outputs/icons/site-icons.ts';
import { iconRoutes } from '../site/routes.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = () =>
  new Response(
    webManifest({ name: site.name, themeColor: site.themeColor, iconPath: iconRoutes.png, svgPath: iconRoutes.svg() }),
    {
      headers: { 'Content-Type': 'application/manifest+json' },
    },
  );
