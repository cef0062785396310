/** Absolute path of the project root, defined at build time by the og-cards integration. */
declare const __PROJECT_ROOT__: string;
