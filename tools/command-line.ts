/**
 * The command line of every script in `scripts/`: one spec per command (its usage line as run through
 * npm, a description, its options and arguments) gives `--help`, parsing with `node:util`'s `parseArgs`,
 * and wrong usage as one line on stderr with exit status 2, never a stack trace.
 *
 * `interpretCommand` is pure (it returns what should happen); `parseCommand` prints and exits for it.
 */
import { parseArgs } from 'node:util';

/** Bounds of a numeric option: its value is checked and handed over as a number. */
export interface NumberRule {
  readonly integer?: boolean;
  readonly min?: number;
  readonly max?: number;
}

interface OptionBase {
  readonly short?: string;
  readonly multiple?: boolean;
  /** One line for `--help`. */
  readonly description: string;
}

/** A flag: `false` unless given (or `default`). */
export interface FlagOption extends OptionBase {
  readonly type: 'boolean';
  readonly default?: boolean | readonly boolean[];
}

/** An option with a value, shown as `--name VALUE`. */
export interface ValueOption extends OptionBase {
  readonly type: 'string';
  /** The value's name in `--help`, e.g. `N` or `DIR`. */
  readonly value: string;
  readonly default?: string | readonly string[];
  /** Missing it is wrong usage. */
  readonly required?: boolean;
  /** The value must be a number within these bounds, and is returned as one. */
  readonly number?: NumberRule;
}

export type OptionSpec = FlagOption | ValueOption;
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The command's arguments that are not options (none are allowed when a spec has no `positionals`). */
export interface PositionalSpec {
  /** As in the usage line, e.g. `DIR` or `FILE.cpuprofile`. */
  readonly name: string;
  /** A noun phrase: `missing DIR, <description>` and `--help` print it. */
  readonly description: string;
  /** How many are required (default 0). */
  readonly min?: number;
  /** How many are allowed (default: any number). */
  readonly max?: number;
}

export interface CommandSpec<Options extends OptionSpecs = OptionSpecs> {
  /** The name errors start with: the npm script's, e.g. `corpus`. */
  readonly name: string;
  /** Without `usage: `, e.g. `npm run corpus -- --count N --out DIR [--seed S]`. */
  readonly usage: string;
  /** One paragraph: what the command does. */
  readonly description: string;
  /** Its options; `-h, --help` is added. */
  readonly options: Options;
  readonly positionals?: PositionalSpec;
  /**
   * Arguments the command does not know (options included) are not errors but returned in order in
   * `positionals`, for a command that hands them on; the text says where they go, for `--help`.
   */
  readonly passThrough?: string;
  /** A last paragraph of `--help`, e.g. the exit statuses. */
  readonly notes?: string;
}

type Single<Option extends OptionSpec> = Option extends { readonly type: 'boolean' }
  ? boolean
  : Option extends { readonly number: NumberRule }
    ? number
    : string;
type Value<Option extends OptionSpec> = Option extends { readonly multiple: true } ? Single<Option>[] : Single<Option>;
type AlwaysSet<Option extends OptionSpec> = Option extends { readonly default: unknown }
  ? true
  : Option extends { readonly required: true }
    ? true
    : Option extends { readonly type: 'boolean'; readonly multiple?: false }
      ? true
      : false;

/** The parsed options: numbers for numeric ones, `undefined` only for an optional value without a default. */
export type OptionValues<Options extends OptionSpecs> = {
  -readonly [Name in keyof Options]: AlwaysSet<Options[Name]> extends true
    ? Value<Options[Name]>
    : Value<Options[Name]> | undefined;
};

export interface ParsedCommand<Options extends OptionSpecs> {
  readonly values: OptionValues<Options>;
  readonly positionals: string[];
}

/** What a command line asks for: to run, to print the help (exit 0), or wrong usage (exit 2). */
export type CommandOutcome<Options extends OptionSpecs> =
  | ({ readonly kind: 'run' } & ParsedCommand<Options>)
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'usage-error'; readonly line: string };

/** Keeps the literal types of a spec declared apart from its use (`type: 'string'`, `number: {…}`). */
export function defineCommand<const Options extends OptionSpecs>(spec: CommandSpec<Options>): CommandSpec<Options> {
  return spec;
}

const HELP_OPTION: FlagOption = { type: 'boolean', short: 'h', description: 'print this help and exit' };
const WIDTH = 100;
const PARSE_ERRORS = new Set([
  'ERR_PARSE_ARGS_UNKNOWN_OPTION',
  'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
  'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
]);

/** The one line of wrong usage: `name: problem (usage: …)`. */
export function usageErrorLine(spec: CommandSpec<OptionSpecs>, problem: string): string {
  return `${spec.name}: ${problem.replace(/\s+/g, ' ').trim()} (usage: ${spec.usage})`;
}

/** The words of `text` in lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim())
    .map((paragraph) => wrap(paragraph, WIDTH).join('\n'));

function optionLabel(name: string, option: OptionSpec): string {
  const long = `--${name}${option.type === 'string' ? ` ${option.value}` : ''}`;
  return option.short ? `-${option.short}, ${long}` : long;
}

function optionText(option: OptionSpec): string {
  const notes: string[] = [];
  if (option.type === 'string' && option.required) notes.push('required');
  if (option.multiple) notes.push('may be repeated');
  const shown = Array.isArray(option.default) ? option.default.join(', ') : option.default;
  if (shown !== undefined && shown !== '' && shown !== false) notes.push(`default: ${String(shown)}`);
  return notes.length > 0 ? `${option.description} (${notes.join('; ')})` : option.description;
}

/** The text `--help` prints: usage, description, arguments, one line per option, notes. */
export function helpText(spec: CommandSpec<OptionSpecs>): string {
  const rows: [string, string][] = Object.entries({ ...spec.options, help: HELP_OPTION }).map(([name, option]) => [
    optionLabel(name, option),
    optionText(option),
  ]);
  const argument: [string, string] | undefined = spec.positionals && [
    spec.positionals.name,
    spec.positionals.description,
  ];
  const column = Math.max(...[...rows, ...(argument ? [argument] : [])].map(([label]) => label.length)) + 4;
  const table = (entries: [string, string][]) =>
    entries.flatMap(([label, text]) =>
      wrap(text, WIDTH - column).map(
        (line, index) => (index === 0 ? `  ${label.padEnd(column - 2)}` : ' '.repeat(column)) + line,
      ),
    );
  const sections = [
    `usage: ${spec.usage}`,
    ...paragraphs(spec.description),
    ...(argument ? [['Arguments:', ...table([argument])].join('\n')] : []),
    ['Options:', ...table(rows)].join('\n'),
    ...(spec.passThrough ? paragraphs(spec.passThrough) : []),
    ...(spec.notes ? paragraphs(spec.notes) : []),
  ];
  return sections.join('\n\n');
}

/** The first sentence of a parseArgs error, lower-cased: `unknown option '--nope'`. */
function parseProblem(error: Error): string {
  const first = (error.message.split(/\.\s/)[0] ?? error.message).replace(/\s+/g, ' ').trim();
  return first.charAt(0).toLowerCase() + first.slice(1);
}

function isParseError(error: unknown): error is Error {
  return error instanceof Error && PARSE_ERRORS.has((error as NodeJS.ErrnoException).code ?? '');
}

function numberProblem(name: string, rule: NumberRule, text: string): string | undefined {
  const pattern = rule.integer ? /^[-+]?\d+$/ : /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
  const value = Number(text);
  const fits =
    pattern.test(text.trim()) &&
    Number.isFinite(value) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.max === undefined || value <= rule.max);
  if (fits) return undefined;
  const kind = rule.integer ? 'a whole number' : 'a number';
  const range =
    rule.min !== undefined && rule.max !== undefined
      ? ` from ${rule.min} to ${rule.max}`
      : rule.min !== undefined
        ? ` of at least ${rule.min}`
        : rule.max !== undefined
          ? ` of at most ${rule.max}`
          : '';
  return `--${name} must be ${kind}${range}, got '${text}'`;
}

/** The arguments a pass-through command leaves to the next program: all but its own options, in order. */
function splitPassThrough(
  args: readonly string[],
  options: OptionSpecs,
  tokens: ReturnType<typeof parseArgs>['tokens'],
): { own: string[]; rest: string[] } {
  const own = new Set<number>();
  let terminated = false;
  for (const token of tokens ?? []) {
    if (token.kind === 'option-terminator') terminated = true;
    if (terminated || token.kind !== 'option' || !Object.hasOwn(options, token.name)) continue;
    own.add(token.index);
    if (token.value !== undefined && !token.inlineValue) own.add(token.index + 1);
  }
  return {
    own: args.filter((_, index) => own.has(index)),
    rest: args.filter((_, index) => !own.has(index)),
  };
}

/** What `argv` (the arguments after the script) asks of the command `spec`. Prints nothing. */
export function interpretCommand<const Options extends OptionSpecs>(
  spec: CommandSpec<Options>,
  argv: readonly string[],
): CommandOutcome<Options> {
  const options: OptionSpecs = { ...spec.options, help: HELP_OPTION };
  const config = Object.fromEntries(
    Object.entries(options).map(([name, option]) => {
      const fallback = option.type === 'boolean' && !option.multiple ? false : undefined;
      const value = option.default ?? fallback;
      return [
        name,
        {
          type: option.type,
          ...(option.short ? { short: option.short } : {}),
          ...(option.multiple ? { multiple: true } : {}),
          ...(value === undefined ? {} : { default: Array.isArray(value) ? [...value] : value }),
        },
      ];
    }),
  ) as NonNullable<Parameters<typeof parseArgs>[0]>['options'];
  const fail = (problem: string): CommandOutcome<Options> => ({
    kind: 'usage-error',
    line: usageErrorLine(spec, problem),
  });

  // --help wins over everything else on the line, wherever it is (but not as an option's value, nor after `--`).
  const lenient = parseArgs({ args: [...argv], options: config, strict: false, allowPositionals: true, tokens: true });
  const { own, rest } = spec.passThrough
    ? splitPassThrough(argv, options, lenient.tokens)
    : { own: [...argv], rest: [] };
  let terminated = false;
  for (const token of lenient.tokens) {
    if (token.kind === 'option-terminator') terminated = true;
    else if (!terminated && token.kind === 'option' && token.name === 'help')
      return { kind: 'help', text: helpText(spec) };
  }

  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: own,
      options: config,
      strict: true,
      allowPositionals: spec.positionals !== undefined && !spec.passThrough,
    });
  } catch (error) {
    if (isParseError(error)) return fail(parseProblem(error));
    throw error;
  }

  const values: Record<string, unknown> = { ...parsed.values };
  delete values['help'];
  for (const [name, option] of Object.entries(spec.options)) {
    if (option.type !== 'string') continue;
    const value = values[name] as string | string[] | undefined;
    if (value === undefined) {
      if (option.required) return fail(`missing --${name} ${option.value}`);
      continue;
    }
    if (!option.number) continue;
    const texts = Array.isArray(value) ? value : [value];
    for (const text of texts) {
      const problem = numberProblem(name, option.number, text);
      if (problem) return fail(problem);
    }
    values[name] = Array.isArray(value) ? texts.map(Number) : Number(value);
  }

  const positionals = spec.passThrough ? rest : parsed.positionals;
  const wanted = spec.positionals;
  if (wanted && !spec.passThrough) {
    if (positionals.length < (wanted.min ?? 0)) return fail(`missing ${wanted.name}, ${wanted.description}`);
    if (wanted.max !== undefined && positionals.length > wanted.max) {
      return fail(`unexpected argument '${positionals[wanted.max] ?? ''}'`);
    }
  }
  return { kind: 'run', values: values as OptionValues<Options>, positionals };
}

/** Prints the one line of wrong usage to stderr and exits 2: for a script's own checks of its arguments. */
export function exitWithUsageError(spec: CommandSpec<OptionSpecs>, problem: string): never {
  console.error(usageErrorLine(spec, problem));
  process.exit(2);
}

/** A comma-separated list of positive whole numbers (`--words 1000,10000`); wrong usage otherwise. */
export function positiveWholeNumbers(spec: CommandSpec<OptionSpecs>, flag: string, value: string): number[] {
  const numbers = value.split(',').map(Number);
  if (numbers.some((number) => !Number.isInteger(number) || number < 1)) {
    exitWithUsageError(spec, `--${flag} takes whole numbers of words, got '${value}'`);
  }
  return numbers;
}

/**
 * Parses the script's command line (`process.argv` after the script by default). `--help` prints the
 * help and exits 0; wrong usage prints one line to stderr and exits 2.
 */
export function parseCommand<const Options extends OptionSpecs>(
  spec: CommandSpec<Options>,
  argv: readonly string[] = process.argv.slice(2),
): ParsedCommand<Options> {
  const outcome = interpretCommand(spec, argv);
  if (outcome.kind === 'help') {
    console.log(outcome.text);
    process.exit(0);
  }
  if (outcome.kind === 'usage-error') {
    console.error(outcome.line);
    process.exit(2);
  }
  return { values: outcome.values, positionals: outcome.positionals };
}
