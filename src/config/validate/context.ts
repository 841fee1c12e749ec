/**
 * What every semantic validator receives: the shape-checked files, each with its source positions.
 */
import type { Problem } from "../problems.js";
import type { EnvironmentFile, SharedFile } from "../schema.js";
import type { SourceFile } from "../source.js";

/** A shape-checked value and the file it came from. */
export interface Located<T> {
  readonly source: SourceFile;
  readonly value: T;
}

/** The whole config after stage 1: `shared.yaml` and the environment files, sorted by file name. */
export interface ParsedConfig {
  readonly shared: Located<SharedFile>;
  readonly environments: readonly Located<EnvironmentFile>[];
}

/** A stage-2 validator for one area. Returns every problem it finds; never throws for bad config. */
export type Validator = (config: ParsedConfig) => Problem[];
