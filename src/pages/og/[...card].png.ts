import { basename } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCardRuntime } from '../../build/cards/card-runtime.ts';
import type { CardSpec } from '../../outputs/card/card-spec.ts';
import { pagesToRender } from '../../site/page-keys.ts';
import { cardRuntimeOptions, getAllCards } from '../../site/social-cards.ts';

export const getStaticPaths = (async () => {
  const cards = await getAllCards();
  const { store } = getCardRuntime(cardRuntimeOptions);
  return pagesToRender(
    cards.map((card) => ({
      params: { card: card.path.replace(/^\/og\//, '').replace(/\.png$/, '') },
      props: { spec: card.spec, all: cards },
      // The card store's own key: what the card says and the renderer that draws it.
      cacheKey: basename(store.fileOf(card.spec)),
    })),
    (_, index) => cards[index]?.path ?? '',
  );
}) satisfies GetStaticPaths;

interface Props {
  spec: CardSpec;
  all: { spec: CardSpec }[];
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const { store } = getCardRuntime(cardRuntimeOptions);
  // Usually started with the briefing pages already (see startRenderingCards); this covers the rest.
  store.prefetch(props.all.map((card) => card.spec));
  const png = await store.png(props.spec);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
