/**
 * What a command writes to, and how: the two output streams, the environment, colour and progress.
 * Commands never touch `process.stdout`/`process.env` directly, so tests can run them in-process with
 * fake streams.
 */

/** A stream the CLI writes to: `process.stdout`, `process.stderr`, or a test double. */
export interface OutStream {
  write(text: string): unknown;
  /** True when the stream is a terminal. */
  readonly isTTY?: boolean | undefined;
  /** Width of the terminal, for wrapping help. */
  readonly columns?: number | undefined;
}

/** The CLI's outside world. */
export interface Io {
  /** Results: the OK line, the summary, JSON. */
  readonly stdout: OutStream;
  /** Problems, errors and progress. */
  readonly stderr: OutStream;
  /** Environment variables (`LZ_CONFIG_DIR`, `CDKTF_OUTDIR`, `NO_COLOR`, `FORCE_COLOR`, `CI`). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The real process streams (each {@link quietOnClosedPipe}) and environment. */
export function processIo(): Io {
  return { stdout: quietOnClosedPipe(process.stdout), stderr: quietOnClosedPipe(process.stderr), env: process.env };
}

/** The part of a Node stream {@link quietOnClosedPipe} needs. */
export interface NodeOutStream extends OutStream {
  on(event: "error", listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/**
 * `stream`, made to end quietly when its reader goes away (`lz help cost | head -1`): the first EPIPE marks it
 * closed, and every later write is dropped, so the command finishes with its own exit status and no
 * `Error: write EPIPE` stack trace. Writes already queued when the pipe closed fail with EPIPE or
 * ERR_STREAM_DESTROYED too; those are ignored as well. Any other stream error is rethrown.
 * @returns a stream with the same `isTTY` and `columns`.
 */
export function quietOnClosedPipe(stream: NodeOutStream): OutStream {
  let closed = false;
  stream.on("error", (error) => {
    if (error.code === "EPIPE" || (closed && error.code === "ERR_STREAM_DESTROYED")) closed = true;
    else throw error;
  });
  return {
    write: (text: string) => (closed ? false : stream.write(text)),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
  };
}

const isSet = (value: string | undefined) => value !== undefined && value !== "";
const isTrue = (value: string | undefined) => isSet(value) && value !== "0" && value !== "false";

/**
 * Whether to colour what goes to `stream`: never when `NO_COLOR` is set to anything non-empty
 * (https://no-color.org); else as `FORCE_COLOR` says when it is set (`0` or `false` off, anything else
 * on, as in Node); else only on a terminal that is not `TERM=dumb`. NO_COLOR wins, as in picocolors.
 */
export function colourEnabled(stream: OutStream, env: Io["env"]): boolean {
  if (isSet(env.NO_COLOR)) return false;
  if (isSet(env.FORCE_COLOR)) return isTrue(env.FORCE_COLOR);
  return stream.isTTY === true && env.TERM !== "dumb";
}

/** ANSI styles; each is the identity when colour is off. */
export interface Style {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
}

const sgr = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
const plain = (text: string) => text;

/** The styles for `stream`: ANSI codes when {@link colourEnabled}, plain text otherwise. */
export function styleFor(stream: OutStream, env: Io["env"]): Style {
  if (!colourEnabled(stream, env)) return { bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain };
  return { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), cyan: sgr(36, 39) };
}

/**
 * A list of steps on stderr, one line each, for long work: `… Synthesizing` while a step runs,
 * replaced by `✓ Synthesized 4 stacks  0.62 s` (or `✗ …`) when it ends. Shown only when stderr is a
 * terminal and `CI` is not set; otherwise silent, so logs and pipes hold only results and errors.
 */
export class Progress {
  /** Whether steps are shown. */
  readonly enabled: boolean;
  private readonly style: Style;

  constructor(private readonly io: Io) {
    this.enabled = io.stderr.isTTY === true && !isTrue(io.env.CI);
    this.style = styleFor(io.stderr, io.env);
  }

  /**
   * Runs `work`, showing `running` while it runs and `done(result)` after it.
   * @returns what `work` returns; rethrows what it throws, after marking the step failed.
   */
  async step<T>(running: string, done: (result: T) => string, work: () => T | Promise<T>): Promise<T> {
    if (!this.enabled) return work();
    const s = this.style;
    const started = performance.now();
    this.io.stderr.write(`${s.dim("…")} ${running}`);
    const clear = "\r\x1b[2K";
    try {
      const result = await work();
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      this.io.stderr.write(`${clear}${s.green("✓")} ${done(result)}  ${s.dim(`${seconds} s`)}\n`);
      return result;
    } catch (e) {
      this.io.stderr.write(`${clear}${s.red("✗")} ${running}\n`);
      throw e;
    }
  }
}
