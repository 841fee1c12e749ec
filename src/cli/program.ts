/**
 * The `lz` command line (commander): `validate`, `new-env`, `synth`, `stacks`, `schema`, `plan-guard`, `diagram`, `cost`, each
 * with `--help`.
 *
 * Exit status: 0 on success; 1 on a config problem or another failure the user fixes in a file; 2 on
 * a bad command line (unknown command or option, invalid value). Expected failures print a message and
 * never a stack trace; an unexpected error (a bug) prints its stack.
 */
import { Command, CommanderError } from "commander";
import packageJson from "../../package.json";
import { ConfigError } from "../config/index.js";
import { StackManifestError } from "../pipeline/stacks.js";
import { defineCost } from "./commands/cost.js";
import { defineDiagram } from "./commands/diagram.js";
import { defineNewEnv } from "./commands/new-env.js";
import { definePipeline } from "./commands/pipeline.js";
import { definePlanGuard } from "./commands/plan-guard.js";
import { defineRoutes } from "./commands/routes.js";
import { defineSchema } from "./commands/schema.js";
import { defineStacks } from "./commands/stacks.js";
import { defineSynth } from "./commands/synth.js";
import { defineValidate } from "./commands/validate.js";
import type { CliDeps, Context } from "./context.js";
import { CliError, EXIT_FAILURE, EXIT_USAGE, isFileSystemError, renderConfigError } from "./errors.js";
import { colourEnabled, styleFor, type Io } from "./io.js";

const COMMANDS: readonly [string, (cmd: Command, ctx: Context) => void][] = [
  ["validate", defineValidate],
  ["new-env", defineNewEnv],
  ["synth", defineSynth],
  ["stacks", defineStacks],
  ["schema", defineSchema],
  ["plan-guard", definePlanGuard],
  ["diagram", defineDiagram],
  ["routes", defineRoutes],
  ["cost", defineCost],
  ["pipeline", definePipeline],
];

/** Builds the program. Commander never exits the process: {@link runCli} maps its errors to exit codes. */
export function createProgram(ctx: Context): Command {
  const { io } = ctx;
  const configure = (cmd: Command, name: string) =>
    cmd
      .exitOverride()
      .configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
        outputError: (text, write) => write(`${ctx.err.red(text.trimEnd())}\n`),
        // Commander wraps at 80 columns unless told the terminal's width.
        getOutHelpWidth: () => (io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80),
        getErrHelpWidth: () => (io.stderr.isTTY && io.stderr.columns ? io.stderr.columns : 80),
        getOutHasColors: () => colourEnabled(io.stdout, io.env),
        getErrHasColors: () => colourEnabled(io.stderr, io.env),
      })
      .showHelpAfterError(`(run "${name} --help" for usage)`);

  const program = configure(new Command("lz"), "lz")
    .description(
      "AWS landing zone: validate the YAML config, add an environment, synthesize one Terraform stack per account, list the stacks, guard plans against data loss, draw the topology, estimate the cost",
    )
    .version(packageJson.version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .helpCommand("help [command]", "show help for a command")
    .addHelpText(
      "after",
      `
Exit status: 0 success, 1 config problem or failure (nothing half-written), 2 bad command line.
Environment: LZ_CONFIG_DIR (config folder), CDKTF_OUTDIR (synth output), NO_COLOR, FORCE_COLOR, CI.

Examples:
  $ lz validate
  $ lz new-env staging --from test
  $ lz synth
  $ lz stacks --json
  $ lz diagram --out docs/topology.svg
  $ lz cost --env prod
  $ terraform show -json tfplan | lz plan-guard --stack workload-prod`,
    );
  for (const [name, define] of COMMANDS) define(configure(program.command(name), `lz ${name}`), ctx);
  return program;
}

/**
 * Runs `lz` with `argv` (the arguments after the program name).
 * @returns the exit status; never throws.
 */
export async function runCli(argv: readonly string[], io: Io, deps: CliDeps = {}): Promise<number> {
  const ctx: Context = { io, out: styleFor(io.stdout, io.env), err: styleFor(io.stderr, io.env), deps };
  const fail = (message: string, code: number) => {
    if (message !== "") io.stderr.write(`${message}\n`);
    return code;
  };
  try {
    await createProgram(ctx).parseAsync([...argv], { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; `lz` alone prints help to stderr with status 1, a usage error like the others.
      const shown =
        e.code === "commander.helpDisplayed" || e.code === "commander.version" || (e.code === "commander.help" && e.exitCode === 0);
      return shown ? 0 : EXIT_USAGE;
    }
    if (e instanceof CliError) {
      if (io.env.LZ_DEBUG && e.cause instanceof Error) io.stderr.write(`${e.cause.stack}\n`);
      return fail(e.message, e.exitCode);
    }
    if (e instanceof ConfigError) return fail(renderConfigError(e, ctx.err), EXIT_FAILURE);
    if (e instanceof StackManifestError) return fail(e.message, EXIT_FAILURE);
    if (isFileSystemError(e)) return fail(`${ctx.err.red("error:")} ${e.message}`, EXIT_FAILURE);
    return fail(`${ctx.err.red("lz: unexpected error (please report it):")} ${e instanceof Error ? e.stack : String(e)}`, EXIT_FAILURE);
  }
}
