/**
 * Expected failures of the CLI and how they are reported: one message, no stack trace, and an exit
 * status of 1 (the config, a file or the output is the problem) or 2 (the command line is).
 */
import type { ConfigError, Problem } from "../config/index.js";
import type { Style } from "./io.js";

/** Exit status of a config problem or another failure the user can fix by changing a file. */
export const EXIT_FAILURE = 1;
/** Exit status of a bad command line (unknown option or command, invalid option value). */
export const EXIT_USAGE = 2;

/**
 * An expected failure. `message` is printed to stderr as is (no stack trace); an empty message means
 * the command has already reported it. With `LZ_DEBUG` set, the stack of `cause` is printed too.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "CliError";
  }
}

/** `file:line:col path: message`, with the location and path styled. Plain, it equals `formatProblem(p)`. */
export function styledProblem(p: Problem, s: Style): string {
  return `${s.cyan(`${p.file}:${p.line}:${p.col}`)} ${s.bold(p.path)}: ${p.message}`;
}

/** The report of a {@link ConfigError}: `config has N problems:` then one line per problem. */
export function renderConfigError(e: ConfigError, s: Style): string {
  const n = e.problems.length;
  return [s.red(`config has ${n} problem${n === 1 ? "" : "s"}:`), ...e.problems.map((p) => styledProblem(p, s))].join("\n");
}

/** True for errors Node raises for files (ENOENT, EACCES, ENOTEMPTY, ...): their message names the file. */
export function isFileSystemError(e: unknown): e is NodeJS.ErrnoException {
  return (
    e instanceof Error && typeof (e as NodeJS.ErrnoException).code === "string" && typeof (e as NodeJS.ErrnoException).syscall === "string"
  );
}
