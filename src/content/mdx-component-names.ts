/**
 * The components every briefing may use without an import. The names are what authors write, so they
 * belong to the content layer (the content check reads them); `src/site/body-components.ts` draws each,
 * and TypeScript holds its map to exactly these names.
 */
export const MDX_COMPONENT_NAMES = ['Sponsored', 'Ticker', 'PriceChart', 'BarChart'] as const;

export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];

/** Names components once had, with what to write instead: a clear error, not "unknown component". */
export const RENAMED_MDX_COMPONENTS: Readonly<Record<string, MdxComponentName>> = { FigureChart: 'BarChart' };

const NAMES: ReadonlySet<string> = new Set(MDX_COMPONENT_NAMES);

/** Whether a JSX element's name is one of the built-in components. */
export const isMdxComponentName = (name: string | null | undefined): name is MdxComponentName =>
  name !== null && name !== undefined && NAMES.has(name);
