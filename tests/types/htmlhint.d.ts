/** The part of HTMLHint's API the tests use (the package ships no type declarations). */
declare module 'htmlhint' {
  export interface HintMessage {
    line: number;
    col: number;
    message: string;
    rule: { id: string };
  }
  export const HTMLHint: {
    verify(html: string, rules: Record<string, boolean>): HintMessage[];
  };
}
