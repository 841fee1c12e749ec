/**
 * Config problems and the error that carries them.
 *
 * Every message has the form `file:line:col dotted.path: what is wrong. What to write instead.`
 * (see CONVENTIONS.md, "Config and errors"). Validators collect every problem and the loader throws
 * once, so a user sees all of them in one run.
 */

/** One problem in the config, located in a file. Lines and columns are 1-based. */
export interface Problem {
  /** File path as shown to the user (relative to the working directory when possible). */
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Dotted path inside the file, for example `vpc.cidr`, or `(file)` for the whole file. */
  readonly path: string;
  /** What is wrong, then what to write instead. */
  readonly message: string;
}

/** Renders one problem as `file:line:col path: message`. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col} ${p.path}: ${p.message}`;
}

/** Orders problems by file, then line, then column, so output is stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.path.localeCompare(b.path));
}

/**
 * Thrown when the config has one or more problems. `message` is the full, formatted report, so printing
 * it is enough; `problems` holds the structured list (for JSON output and tests).
 */
export class ConfigError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    const n = sorted.length;
    super(`config has ${n} problem${n === 1 ? "" : "s"}:\n${sorted.map(formatProblem).join("\n")}`);
    this.name = "ConfigError";
    this.problems = sorted;
  }
}

/** Dotted form of a path: `["vpc", "subnets", 0]` → `vpc.subnets[0]`; empty → `(file)`. */
export function dottedPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? String(seg) : `.${String(seg)}`;
  }
  return out === "" ? "(file)" : out;
}

/** Case-insensitive edit distance, for "did you mean" hints. */
function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const row = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (s[i - 1] === t[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[t.length]!;
}

/** The closest candidate to `word` when it is a plausible typo (distance ≤ 1/3 of its length), else undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

/** A list for a message: `a, b or c` (`a` alone, `a or b`). */
export function orList(values: readonly (string | number)[]): string {
  return values.length < 2 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;
}
