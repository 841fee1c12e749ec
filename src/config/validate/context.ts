/**
 * What every semantic validator receives: the shape-checked files, each with its source positions.
 */
import type { Problem } from "../problems.js";
import type { EnvironmentFile, SharedFile } from "../schema/index.js";
import type { SourceFile } from "../source.js";

/** A shape-checked value and the file it came from. */
export interface Located<T> {
  readonly source: SourceFile;
  readonly value: T;
}

/**
 * The whole config after stage 1: `shared.yaml` and the environment files, sorted by file name. Validators
 * never read the disk: what they need to know about the folder is here, read once by the loader.
 */
export interface ParsedConfig {
  readonly shared: Located<SharedFile>;
  /** The environment files that passed stage 1. */
  readonly environments: readonly Located<EnvironmentFile>[];
  /**
   * Name of every YAML file in the config folder (`*.yaml`, `*.yml`, sorted), including those that failed
   * stage 1, so a validator can tell a missing environment from one whose file is broken (and reported already).
   */
  readonly fileNames: readonly string[];
  /**
   * The environment files that failed stage 1, with the fields that checks across files need, where those
   * parsed ({@link PartialEnvironment}): account id and name uniqueness and VPC overlaps still run for them, so
   * one run reports a file's shape error and, say, its CIDR overlapping another file's.
   * @default none
   */
  readonly partialEnvironments?: readonly Located<PartialEnvironment>[];
}

/** What cross-file checks read from an environment file that failed stage 1: each field only when it is valid. */
export interface PartialEnvironment {
  readonly name?: string;
  readonly accountId?: string;
  readonly vpcCidr?: string;
}

/** A stage-2 validator for one area. Returns every problem it finds; never throws for bad config. */
export type Validator = (config: ParsedConfig) => Problem[];
