/**
 * Prints the stacks in deploy order, for people or for the GitHub Actions workflows.
 *
 *   npm run stacks                                  readable list with dependencies and roles
 *   npm run --silent stacks -- --json               {"include":[...]}, one line, for strategy.matrix
 *   npm run --silent stacks -- --json --only workloads
 *
 * Options:
 *   --config DIR       config folder; else LZ_CONFIG_DIR, else `environments/`
 *   --json             print the GitHub Actions matrix as compact JSON
 *   --only KIND        `network` (the network hub) or `workloads` (every other stack); default all
 *   --manifest FILE    also check the stacks against a synthesized `cdktf.out/manifest.json`
 *
 * Exit status: 0 on success; 1 on a config problem (every problem printed as `file:line:col path:
 * message`), an unreadable manifest or a manifest that does not match the config; 2 on a bad option.
 * Errors go to stderr without a stack trace.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ConfigError, DEFAULT_CONFIG_DIR, loadConfig } from "../src/config/index.js";
import {
  githubMatrix,
  selectStacks,
  STACK_SELECTIONS,
  stackMatrix,
  StackManifestError,
  type CdktfManifest,
  type StackEntry,
  type StackSelection,
} from "../src/pipeline/stacks.js";

/** A bad command line; exits 2. */
class UsageError extends Error {}

/** A file the user pointed at cannot be used; exits 1. */
class InputError extends Error {}

interface Options {
  readonly configDir: string;
  readonly json: boolean;
  readonly only: StackSelection;
  readonly manifest: string | undefined;
}

const USAGE = "usage: tsx scripts/stacks.ts [--config DIR] [--json] [--only network|workloads] [--manifest FILE]";

function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        config: { type: "string" },
        json: { type: "boolean", default: false },
        only: { type: "string", default: "all" },
        manifest: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (!(STACK_SELECTIONS as readonly string[]).includes(values.only)) {
    throw new UsageError(`--only must be one of ${STACK_SELECTIONS.join(", ")}, not "${values.only}".\n${USAGE}`);
  }
  return {
    configDir: values.config ?? (process.env.LZ_CONFIG_DIR || DEFAULT_CONFIG_DIR),
    json: values.json,
    only: values.only as StackSelection,
    manifest: values.manifest,
  };
}

function readManifest(path: string): CdktfManifest {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new InputError(`${path}: cannot read the cdktf manifest. Run \`npm run synth\` first.`);
  }
  try {
    return JSON.parse(text) as CdktfManifest;
  } catch (e) {
    throw new InputError(`${path}: not valid JSON (${(e as Error).message}). Run \`npm run synth\` to write it again.`);
  }
}

function render(entries: readonly StackEntry[]): string {
  const width = Math.max(...entries.map((e) => e.stack.length));
  const lines = entries.map((e, i) => {
    const after = e.dependsOn.length > 0 ? `after ${e.dependsOn.join(", ")}` : "first";
    return (
      `${String(i + 1).padStart(2)}. ${e.stack.padEnd(width)}  account ${e.accountId}  ${e.region}  ` +
      `environment ${e.githubEnvironment}  ${after}\n` +
      `    plan:  ${e.planRoleArn}\n` +
      `    apply: ${e.applyRoleArn}\n` +
      `    dir:   ${e.workingDirectory}`
    );
  });
  return `Stacks in deploy order:\n${lines.join("\n")}\n`;
}

try {
  const options = parseOptions(process.argv.slice(2));
  const model = loadConfig(options.configDir);
  const manifest = options.manifest === undefined ? undefined : readManifest(options.manifest);
  const entries = selectStacks(stackMatrix(model, manifest), options.only);
  process.stdout.write(options.json ? `${JSON.stringify(githubMatrix(entries))}\n` : render(entries));
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 2;
  } else if (e instanceof ConfigError || e instanceof StackManifestError || e instanceof InputError) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 1;
  } else {
    throw e;
  }
}
