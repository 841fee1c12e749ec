/**
 * Generated regions of the Markdown docs: the figures that describe what the code produces (stack and resource
 * counts, the policy pack's summary, `lz` output) are written by `npm run docs:figures` (scripts/docs-figures.ts)
 * from a synthesis of the config, never typed, and `npm run check:docs` fails when one is stale.
 *
 * A region is `<!-- generated:KEY -->BODY<!-- /generated -->`, on one line (an inline figure) or across lines
 * (a fenced block). KEY is `lz <command> [args]` (the body is that command's standard output, in a `console`
 * fence) or `figure <name>` (the body is one value, see {@link FIGURE_NAMES}). Nothing here reads the disk or
 * runs a command: the script supplies a renderer.
 */

/** One generated region found in a Markdown text. */
export interface GeneratedBlock {
  /** What generates the body: `lz cost --env prod`, `figure stack-count`. */
  readonly key: string;
  /** The body between the two markers, exactly as it is in the text. */
  readonly body: string;
  /** 1-based line of the opening marker. */
  readonly line: number;
  /** Offsets in the text: `start` at the opening marker's `<`, `end` just after the closing marker. */
  readonly start: number;
  readonly end: number;
}

const OPEN = /<!-- generated:([^>]*?) -->/g;
const CLOSE = "<!-- /generated -->";

/** The names a `figure` region may carry. */
export const FIGURE_NAMES = [
  /** Number of stacks synthesized (bootstrap included). */
  "stack-count",
  /** Resources over every stack. */
  "resource-total",
  /** The policy pack's summary line after a synthesis (`Policy pack: N rules on N stacks, …`). */
  "policy-summary",
  /** `policy.suppressions` entries over every file of the config. */
  "suppression-entries",
  /** AWS Config rules per account stack: "25 in workload-dev and workload-test, 28 in …". */
  "config-rules",
] as const;

/** A figure name of {@link FIGURE_NAMES}. */
export type FigureName = (typeof FIGURE_NAMES)[number];

/** The `lz` commands a region may run (they only read the config and print). */
export const LZ_COMMANDS = ["validate", "synth", "stacks", "cost", "routes"] as const;

/** A generated region that is malformed: the message names the file, line and fix. */
export class GeneratedBlockError extends Error {}

/**
 * Every generated region of `text`, in order.
 * @param file the file's path, for messages.
 * @throws GeneratedBlockError for an opening marker without its closing marker, a region inside another, or a
 *   key that is neither `lz <command>` (one of {@link LZ_COMMANDS}) nor `figure <name>` (one of {@link FIGURE_NAMES}).
 */
export function findGeneratedBlocks(text: string, file: string): GeneratedBlock[] {
  const blocks: GeneratedBlock[] = [];
  const lineAt = (offset: number) => text.slice(0, offset).split("\n").length;
  let from = 0;
  for (;;) {
    OPEN.lastIndex = from;
    const open = OPEN.exec(text);
    if (!open) break;
    const key = (open[1] ?? "").trim();
    const line = lineAt(open.index);
    const bodyStart = open.index + open[0].length;
    const close = text.indexOf(CLOSE, bodyStart);
    if (close < 0)
      throw new GeneratedBlockError(`${file}:${line}: <!-- generated:${key} --> has no ${CLOSE}. Add it after the generated text.`);
    OPEN.lastIndex = bodyStart;
    const nested = OPEN.exec(text);
    if (nested && nested.index < close)
      throw new GeneratedBlockError(
        `${file}:${lineAt(nested.index)}: a generated region starts inside the one opened on line ${line}. Close the first with ${CLOSE}.`,
      );
    checkKey(key, file, line);
    blocks.push({ key, body: text.slice(bodyStart, close), line, start: open.index, end: close + CLOSE.length });
    from = close + CLOSE.length;
  }
  return blocks;
}

function checkKey(key: string, file: string, line: number): void {
  const [kind, name] = key.split(/\s+/);
  if (kind === "lz" && (LZ_COMMANDS as readonly string[]).includes(name ?? "")) return;
  if (kind === "figure" && (FIGURE_NAMES as readonly string[]).includes(name ?? "") && key.split(/\s+/).length === 2) return;
  throw new GeneratedBlockError(
    `${file}:${line}: unknown generated region "${key}". Write "lz <${LZ_COMMANDS.join("|")}> [options]" or "figure <${FIGURE_NAMES.join("|")}>".`,
  );
}

/**
 * `text` with the body of every generated region replaced by `render(key)`.
 * @throws GeneratedBlockError as {@link findGeneratedBlocks}, and whatever `render` throws.
 */
export function rewriteGeneratedBlocks(text: string, file: string, render: (key: string) => string): string {
  let out = "";
  let at = 0;
  for (const block of findGeneratedBlocks(text, file)) {
    out += `${text.slice(at, block.start)}<!-- generated:${block.key} -->${render(block.key)}${CLOSE}`;
    at = block.end;
  }
  return out + text.slice(at);
}

/**
 * The regions of `text` whose body differs from `render(key)`.
 * @throws GeneratedBlockError as {@link findGeneratedBlocks}.
 */
export function staleGeneratedBlocks(text: string, file: string, render: (key: string) => string): GeneratedBlock[] {
  return findGeneratedBlocks(text, file).filter((b) => b.body !== render(b.key));
}

/**
 * The body of an `lz` region: a `console` fence holding the command line and its output, on lines of their own.
 * @param command the command as the region's key writes it (`lz cost --env prod`); shown as `$ npx <command>`.
 * @param stdout the command's standard output; trailing blank lines are dropped.
 */
export function consoleFence(command: string, stdout: string): string {
  return `\n\`\`\`console\n$ npx ${command}\n${stdout.replace(/\s+$/, "")}\n\`\`\`\n`;
}

/**
 * The `config-rules` figure: stacks grouped by their number of AWS Config rules, fewest first, stacks without
 * any left out: `25 in workload-dev and workload-test, 28 in network-hub and workload-prod`.
 * @param counts AWS Config rule resources (`aws_config_config_rule`) per stack name.
 */
export function configRulesFigure(counts: Readonly<Record<string, number>>): string {
  const byCount = new Map<number, string[]>();
  for (const [stack, n] of Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)))
    if (n > 0) byCount.set(n, [...(byCount.get(n) ?? []), stack]);
  const list = (names: readonly string[]) =>
    names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return [...byCount.entries()]
    .sort(([a], [b]) => a - b)
    .map(([n, stacks]) => `${n} in ${list(stacks)}`)
    .join(", ");
}
