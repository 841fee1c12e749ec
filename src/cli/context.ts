/** What every command receives: the outside world, the styles of its two streams, and replaceable parts. */
import { DEFAULT_CONFIG_DIR, type LandingZoneModel } from "../config/index.js";
import type { PolicyReport } from "../policy/types.js";
import type { Io, Style } from "./io.js";

/** Parts tests may replace. */
export interface CliDeps {
  /**
   * Builds every stack of `model` into `outdir` and returns the stack names, or the names and the
   * policy-pack report.
   * @default `synthesizeChecked` of src/app.ts, imported only when `lz synth` runs (it loads cdktf and the AWS provider)
   */
  readonly synthesize?: (model: LandingZoneModel, outdir: string) => SynthResult | Promise<SynthResult>;
}

/** What a synthesis returns: the stack names, or the names with the policy-pack report. */
export type SynthResult = readonly string[] | { readonly stacks: readonly string[]; readonly policy?: PolicyReport };

export interface Context {
  readonly io: Io;
  /** Styles for stdout. */
  readonly out: Style;
  /** Styles for stderr. */
  readonly err: Style;
  readonly deps: CliDeps;
}

/** Help text of the `--config` option, shared by every command that reads the config. */
export const CONFIG_OPTION_HELP = `config folder (default: $LZ_CONFIG_DIR, else "${DEFAULT_CONFIG_DIR}")`;

/** The config folder: `--config`, else `LZ_CONFIG_DIR` when non-empty, else `environments`. */
export function configDir(option: string | undefined, env: Io["env"]): string {
  return option ?? (env.LZ_CONFIG_DIR || DEFAULT_CONFIG_DIR);
}
