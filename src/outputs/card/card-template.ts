/**
 * The card's design, as the element tree Satori lays out: site name and date on top, the headline
 * fitted to the middle, ticker chips and a market figure at the bottom. Flexbox only (Satori's subset).
 */
import type { CardSpec } from './card-spec.ts';
import { fitHeadline } from './headline-fit.ts';

/** The size of every card, in pixels: what Open Graph and X show without cropping. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardElement {
  readonly type: string;
  readonly props: {
    readonly style?: Record<string, unknown>;
    readonly children?: unknown;
    readonly [key: string]: unknown;
  };
}

const PADDING_X = 72;
const HEADLINE_BOX = { width: CARD_WIDTH - 2 * PADDING_X, height: 330 };
const HEADLINE_SIZES = [76, 68, 62, 56, 50, 45, 40, 36, 32];
const LINE_HEIGHT = 1.16;

const COLORS = {
  background: '#0b2a40',
  accent: '#f2b661',
  text: '#ffffff',
  muted: '#a9cbe3',
  chip: '#163f5c',
};

function el(
  type: string,
  style: Record<string, unknown>,
  children?: unknown,
  extra: Record<string, unknown> = {},
): CardElement {
  return { type, props: { style, children, ...extra } };
}

const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;

export function cardElement(spec: CardSpec, fontFamily: string): CardElement {
  const headline = fitHeadline(spec.headline, { ...HEADLINE_BOX, sizes: HEADLINE_SIZES, lineHeight: LINE_HEIGHT });
  const rtl = RTL.test(spec.headline) && !/[A-Za-z]{3}/.test(spec.headline);
  return el(
    'div',
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: `56px ${PADDING_X}px 52px`,
      backgroundColor: COLORS.background,
      color: COLORS.text,
      fontFamily,
    },
    [
      // Borders, rounded borders and clipping make the rasteriser draw masks, which doubles its time:
      // the accent bar is a plain box, chips are filled, and the headline is fitted instead of clipped.
      el('div', {
        position: 'absolute',
        top: 0,
        left: 0,
        width: CARD_WIDTH,
        height: 14,
        backgroundColor: COLORS.accent,
      }),
      el(
        'div',
        { display: 'flex', justifyContent: 'space-between', alignItems: 'center', fontSize: 30, color: COLORS.muted },
        [
          el('div', { display: 'flex', fontWeight: 700, color: COLORS.text, letterSpacing: '-0.01em' }, spec.siteName),
          el('div', { display: 'flex' }, spec.dateLabel ?? ''),
        ],
      ),
      el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center' }, [
        el(
          'div',
          {
            display: 'flex',
            fontSize: 26,
            fontWeight: 700,
            color: COLORS.accent,
            textTransform: 'uppercase',
            letterSpacing: '0.08em',
            marginBottom: 14,
          },
          spec.kicker,
        ),
        el(
          'div',
          {
            display: 'block',
            width: HEADLINE_BOX.width,
            maxHeight: HEADLINE_BOX.height,
            fontSize: headline.fontSize,
            fontWeight: 700,
            lineHeight: LINE_HEIGHT,
            letterSpacing: '-0.015em',
            lineClamp: Math.floor(HEADLINE_BOX.height / (headline.fontSize * LINE_HEIGHT)),
            textAlign: rtl ? 'right' : 'left',
            direction: rtl ? 'rtl' : 'ltr',
          },
          headline.text,
        ),
      ]),
      el('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'center', fontSize: 28 }, [
        el(
          'div',
          { display: 'flex', flexWrap: 'wrap' },
          spec.chips.map((chip) =>
            el(
              'div',
              {
                display: 'flex',
                padding: '6px 18px',
                marginRight: 12,
                borderRadius: 999,
                backgroundColor: COLORS.chip,
                fontWeight: 700,
              },
              chip,
            ),
          ),
        ),
        el('div', { display: 'flex', color: COLORS.muted }, spec.stat ?? ''),
      ]),
    ],
  );
}
