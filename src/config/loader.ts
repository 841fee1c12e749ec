/**
 * Loads a config folder: reads every YAML file with positions, checks shapes (stage 1), checks meaning
 * across fields and files (stage 2), and returns the typed model. Reports every problem in one
 * {@link ConfigError}.
 *
 * Checks that need the built model and other layers (whether every routing intent holds, proven by
 * src/routing) are not here: they run after loading, in `validateLandingZone` (src/landing-zone.ts), with the
 * sources this loader returns.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { buildModel, type LandingZoneModel } from "./model.js";
import { ConfigError, type Problem } from "./problems.js";
import { AccountId, EnvironmentFileSchema, Ipv4Cidr, SharedFileSchema, type EnvironmentFile, type SharedFile } from "./schema/index.js";
import { checkShape } from "./shape.js";
import { readYamlFile, type SourceFile } from "./source.js";
import { validateSemantics, type Located, type PartialEnvironment } from "./validate/index.js";

/** Name of the organization-wide file inside the config folder. Every other `*.yaml` is an environment. */
export const SHARED_FILE = "shared.yaml";
/** Config folder used when neither `--config` nor `LZ_CONFIG_DIR` is given. */
export const DEFAULT_CONFIG_DIR = "environments";

function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : p;
}

/** The fields of an environment file that failed its shape check that are valid on their own (see {@link PartialEnvironment}). */
function partialEnvironment(data: unknown): PartialEnvironment {
  const root = (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>;
  const vpc = (typeof root.vpc === "object" && root.vpc !== null ? root.vpc : {}) as Record<string, unknown>;
  const name = EnvironmentFileSchema.shape.name.safeParse(root.name);
  const accountId = AccountId.safeParse(root.accountId);
  const vpcCidr = Ipv4Cidr.safeParse(vpc.cidr);
  return {
    ...(name.success ? { name: name.data } : {}),
    ...(accountId.success ? { accountId: accountId.data } : {}),
    ...(vpcCidr.success ? { vpcCidr: vpcCidr.data } : {}),
  };
}

/** The parsed YAML files of a loaded config, with the position of every node, for checks that run after loading. */
export interface ConfigSources {
  /** `shared.yaml` (it declares `routing.intents`, among others). */
  readonly shared: SourceFile;
  /** The environment files, sorted by file name. */
  readonly environments: readonly SourceFile[];
}

/** A loaded config: the typed model and the files it was built from. */
export interface LoadedConfig {
  readonly model: LandingZoneModel;
  readonly sources: ConfigSources;
}

/**
 * Loads and validates the config in `dir` (stages 1 and 2) and builds the model. Does not prove the routing
 * intents: callers that need a deployable landing zone use `loadLandingZone` (src/landing-zone.ts).
 * @param dir config folder. @default "environments"
 * @returns the typed model.
 * @throws ConfigError listing every problem, each as `file:line:col path: message`.
 */
export function loadConfig(dir: string = DEFAULT_CONFIG_DIR): LandingZoneModel {
  return loadConfigWithSources(dir).model;
}

/**
 * {@link loadConfig}, also returning the parsed files, so a later check can locate its problems in them.
 * @param dir config folder. @default "environments"
 * @throws ConfigError listing every problem, each as `file:line:col path: message`.
 */
export function loadConfigWithSources(dir: string = DEFAULT_CONFIG_DIR): LoadedConfig {
  const abs = resolve(dir);
  const folder = displayPath(abs);
  const folderProblem = (message: string): Problem => ({ file: folder, line: 1, col: 1, path: "(folder)", message });
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    throw new ConfigError([
      folderProblem(
        `config folder not found. Pass --config DIR or set LZ_CONFIG_DIR to a folder holding ${SHARED_FILE} and one YAML file per environment.`,
      ),
    ]);
  }
  const names = readdirSync(abs)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort();
  const problems: Problem[] = [];
  if (!names.includes(SHARED_FILE))
    problems.push(
      folderProblem(
        `${SHARED_FILE} is missing. Add it with the organization: and networkHub: sections (see the shipped environments/${SHARED_FILE}).`,
      ),
    );
  if (names.filter((n) => n !== SHARED_FILE).length === 0)
    problems.push(folderProblem(`no environment files. Add one YAML file per workload environment, for example dev.yaml.`));
  if (problems.length > 0) throw new ConfigError(problems);

  let shared: Located<SharedFile> | undefined;
  const environments: Located<EnvironmentFile>[] = [];
  const partialEnvironments: Located<PartialEnvironment>[] = [];
  for (const name of names) {
    const read = readYamlFile(join(abs, name), displayPath(join(abs, name)));
    if (!read.ok) {
      problems.push(...read.problems);
      continue;
    }
    if (name === SHARED_FILE) {
      const r = checkShape(SharedFileSchema, read.source);
      if (r.ok) shared = { source: read.source, value: r.value };
      else problems.push(...r.problems);
    } else {
      const r = checkShape(EnvironmentFileSchema, read.source);
      if (r.ok) environments.push({ source: read.source, value: r.value });
      else {
        problems.push(...r.problems);
        partialEnvironments.push({ source: read.source, value: partialEnvironment(read.source.data) });
      }
    }
  }
  // Stage 2 runs over the files that passed stage 1, and its checks across files over what parsed in the others,
  // so one run reports as much as it can.
  if (shared) problems.push(...validateSemantics({ shared, environments, fileNames: names, partialEnvironments }));
  if (problems.length > 0 || !shared) throw new ConfigError(problems);
  const model = buildModel(
    shared.value,
    environments.map((e) => e.value),
  );
  return { model, sources: { shared: shared.source, environments: environments.map((e) => e.source) } };
}
