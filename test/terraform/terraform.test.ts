/**
 * The real Terraform, offline, on every stack synthesized from `environments/` and from every `examples/<name>/`
 * folder (whatever they hold): `init`, then `terraform test` with `mock_provider`, which validates the
 * configuration as `terraform validate` does (a test below proves it), plans it and, for the stacks of
 * `environments/` and of the test fixtures, applies it against the mocks; the stacks of `examples/` are validated
 * and planned, not applied (an apply and its teardown cost about twice the CPU time of a plan, and the examples
 * exercise the same constructs as the fixtures). The same for the stack a per-vpc inspection environment gets in
 * the reference config (test/support/per-vpc.ts). Every
 * stack of every config has its test, but Terraform runs once per distinct cdk.tf.json: a stack byte-identical to
 * one already run (an example shaped like environments/) shares its result. Without the provider mirror but with
 * TF_PLUGIN_CACHE_DIR set (the GitHub workflows), it
 * installs the provider from the registry into that cache first. Skips (with the reason printed, and a warning
 * annotation on GitHub Actions) when Terraform or the provider cannot be had; see test/support/terraform.ts for
 * TERRAFORM_BIN, TF_PROVIDER_MIRROR and TF_PLUGIN_CACHE_DIR.
 */
import { createHash } from "node:crypto";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { deployOrder } from "../../src/pipeline/deploy-order.js";
import { checkedConfigDirs } from "../support/config-invariants.js";
import { loadConfig } from "../../src/config/index.js";
import { PROVIDER_LOCK_FILE } from "../../src/pipeline/workflow.js";
import { cleanupConfigDirs } from "../support/config-dir.js";
import { organizationWith } from "../support/organization.js";
import { configSynthesis, perVpcSynthesis, type SharedSynthesis } from "../support/shared-synthesis.js";
import {
  awsProviderVersion,
  DEFAULT_TIMEOUT_MS,
  mockApplyPassed,
  mockDefaultProblems,
  probeTerraform,
  readManifest,
  TerraformCli,
  writeMockApplyTest,
  type MockCommand,
  type ProviderSchemas,
  type SynthesizedStack,
  type TerraformFound,
  type TerraformResult,
} from "../support/terraform.js";

const probe = probeTerraform();
if (!probe.ok) {
  console.warn(`Skipping the real-Terraform checks: ${probe.reason}`);
  // On GitHub Actions, also a warning annotation on the run, so a skip is never silent.
  if (process.env.GITHUB_ACTIONS === "true")
    console.log(`::warning title=real-Terraform checks skipped::${probe.reason.replace(/%/g, "%25").replace(/\r?\n/g, "%0A")}`);
}

describe.skipIf(!probe.ok)(
  `environments/ and examples/ under the real Terraform${probe.ok ? ` ${probe.version}` : ` (skipped: ${probe.reason})`}`,
  () => {
    if (probe.ok) terraformChecks(probe);
    else it("runs init, validate and a mocked apply on every synthesized stack", () => {});
  },
);

/**
 * A config whose stacks the real Terraform checks: its name in test names, its synthesis, and either its folder
 * (every stack its model implies is checked) or the only stacks to check.
 */
type CheckedConfig = { readonly name: string; readonly synthesis: () => SharedSynthesis; readonly command: MockCommand } & (
  | { readonly dir: string }
  | { readonly only: readonly string[] }
);

/** One test subject: a stack of a config. */
interface ConfigStack {
  readonly config: CheckedConfig;
  readonly stack: string;
}

/** The stacks of `config` by name, from its model (cheap: no synthesis), in deploy order. */
function stackNames(config: CheckedConfig): readonly string[] {
  if ("only" in config) return config.only;
  // Every stack synthesis writes (bootstrap, organization, hub, workloads), as lz lists them.
  return deployOrder(loadConfig(config.dir));
}

/**
 * Synthesizes each config in turn (yielding to the event loop before each, so that the worker's RPC with vitest is
 * never blocked for several syntheses in a row on a loaded machine, and Terraform starts on the first config while
 * the next is synthesized), copies its output into `root` (Terraform writes into the stack folders: .terraform, the
 * lock file, tests/), and resolves, per config, its stacks by name to the folder to run Terraform in: the first
 * folder holding a byte-identical cdk.tf.json, so that a stack shared by several configs is checked once.
 */
function stackFolders(root: string, configs: readonly CheckedConfig[]): Promise<Map<string, SynthesizedStack>>[] {
  const byHash = new Map<string, SynthesizedStack>();
  let previous: Promise<unknown> = Promise.resolve();
  return configs.map((config, i) => {
    const next = previous.then(async () => {
      await new Promise((r) => setImmediate(r));
      const outdir = join(root, String(i));
      cpSync(config.synthesis().outdir, outdir, { recursive: true });
      const folders = new Map<string, SynthesizedStack>();
      for (const stack of readManifest(outdir)) {
        // A stack planned for an example and applied for environments/ is run both ways.
        const hash = `${config.command}:${createHash("sha256")
          .update(readFileSync(join(stack.dir, "cdk.tf.json")))
          .digest("hex")}`;
        if (!byHash.has(hash)) byHash.set(hash, stack);
        folders.set(stack.name, byHash.get(hash)!);
      }
      return folders;
    });
    // A config that fails to synthesize fails its own tests; the next config still runs.
    previous = next.catch(() => undefined);
    return next;
  });
}

let organizationConfig: string | undefined;
/** The organization-layout copy of the reference, made once (its temp folder goes with `cleanupConfigDirs()`). */
function organizationDir(): string {
  organizationConfig ??= organizationWith();
  return organizationConfig;
}

function terraformChecks(terraform: TerraformFound): void {
  const cli = new TerraformCli(terraform);
  const configs: CheckedConfig[] = [
    ...checkedConfigDirs().map((dir) => ({
      name: dir,
      dir,
      synthesis: () => configSynthesis(dir),
      command: dir === "environments" ? ("apply" as const) : ("plan" as const),
    })),
    // The per-vpc scenario changes only workload-test (test/accounts/per-vpc.test.ts checks that).
    { name: "the reference with test on per-vpc inspection", synthesis: perVpcSynthesis, only: ["workload-test"], command: "apply" },
    // The AWS Organizations layout (test/support/organization.ts): the core accounts' stacks, and a hub and a
    // workload that read the archive key across accounts and leave GuardDuty and Security Hub to the administrator.
    {
      name: "the reference in the organization layout",
      synthesis: () => configSynthesis(organizationDir()),
      only: ["log-archive", "security-tooling", "network-hub", "workload-dev"],
      command: "apply",
    },
  ];
  // The test list comes from the models (loading is cheap); the syntheses run when the first test needs them.
  const subjects: ConfigStack[] = configs.flatMap((config) => stackNames(config).map((stack) => ({ config, stack })));
  const outdir = mkdtempSync(join(tmpdir(), "lz-tf-synth-"));
  let folders: Promise<Map<string, SynthesizedStack>>[] | undefined;
  const folder = async ({ config, stack }: ConfigStack): Promise<SynthesizedStack> => {
    folders ??= stackFolders(outdir, configs);
    const found = (await folders[configs.indexOf(config)]!).get(stack);
    if (!found) throw new Error(`${config.name} synthesized no stack ${stack}`);
    return found;
  };
  const options = { timeout: DEFAULT_TIMEOUT_MS };

  afterAll(async () => {
    await cli.dispose();
    rmSync(outdir, { recursive: true, force: true });
    cleanupConfigDirs();
  });

  // One init and mocked apply (or plan) per stack folder, whichever tests ask for it (a stack identical in several
  // configs with the same command runs once: its folder is the first such config's). Like the workflows, init uses the committed provider lock file as is.
  const runs = new Map<string, Promise<TerraformResult>>();
  const once = (dir: string, command: string, run: () => Promise<TerraformResult>): Promise<TerraformResult> => {
    const key = `${dir}\0${command}`;
    if (!runs.has(key)) runs.set(key, run());
    return runs.get(key)!;
  };
  const initialized = (stack: SynthesizedStack, command: MockCommand): Promise<TerraformResult> =>
    once(stack.dir, "init", () => {
      writeMockApplyTest(stack, command);
      copyFileSync(PROVIDER_LOCK_FILE, join(stack.dir, ".terraform.lock.hcl"));
      return cli.run(stack.dir, ["init", "-backend=false", "-input=false", "-lockfile=readonly", "-no-color"]);
    });
  const cases = subjects.map((s) => [`${s.stack} of ${s.config.name}`, s.config.command, s] as const);

  it("finds at least one stack to check", ({ expect }) => {
    expect(subjects.length).toBeGreaterThan(0);
  });

  // `terraform test` validates the configuration first, exactly as `terraform validate` does (the provider's own
  // checks included; the next test proves it for the pinned Terraform), so one run per stack gives both verdicts.
  it.concurrent.for(cases)(
    "stack %s passes terraform validate and a mocked %s under terraform test",
    options,
    async ([, command, subject], { expect }) => {
      const synthesized = await folder(subject);
      const init = await initialized(synthesized, command);
      expect(init.ok, init.output).toBe(true);
      // Terraform refuses to import through a mock provider ("Cannot import resources from mock providers"), and
      // an override per imported address still leaves the refreshed state unknown: a stack with import blocks (the
      // organization stack imports the organization) is validated as it is, then mock-applied without them.
      const stack = withoutImports(synthesized);
      if (stack !== synthesized) {
        const validate = await once(synthesized.dir, "validate", () => cli.run(synthesized.dir, ["validate", "-no-color"]));
        expect(validate.ok, validate.output).toBe(true);
        const copyInit = await initialized(stack, command);
        expect(copyInit.ok, copyInit.output).toBe(true);
      }
      const test = await once(stack.dir, "test", () => cli.run(stack.dir, ["test", "-no-color"]));
      expect(mockApplyPassed(test), test.output).toBe(true);
    },
  );

  it.concurrent("terraform test refuses what terraform validate refuses, the provider's checks included", options, async ({ expect }) => {
    const dir = join(outdir, "validate-equivalence");
    mkdirSync(dir);
    const version = awsProviderVersion();
    // 4 is not a retention CloudWatch Logs accepts: the provider's schema validation refuses it, not the plan.
    writeFileSync(
      join(dir, "main.tf.json"),
      JSON.stringify({
        terraform: { required_providers: { aws: { source: "hashicorp/aws", version } } },
        provider: { aws: [{ region: "eu-west-1" }] },
        resource: { aws_cloudwatch_log_group: { g: { name: "x", retention_in_days: 4 } } },
      }),
    );
    writeFileSync(join(dir, "mock.tftest.hcl"), 'mock_provider "aws" {}\nrun "apply" {\n  command = apply\n}\n');
    copyFileSync(PROVIDER_LOCK_FILE, join(dir, ".terraform.lock.hcl"));
    const init = await cli.run(dir, ["init", "-backend=false", "-input=false", "-lockfile=readonly", "-no-color"]);
    expect(init.ok, init.output).toBe(true);
    const refusal = /expected retention_in_days to be one of .*, got 4/;
    const validate = await cli.run(dir, ["validate", "-no-color"]);
    expect(validate.ok).toBe(false);
    expect(validate.output).toMatch(refusal);
    const test = await cli.run(dir, ["test", "-no-color"]);
    expect(mockApplyPassed(test)).toBe(false);
    expect(test.output).toMatch(refusal);
  });

  it.concurrent(`the mock defaults name only computed attributes of hashicorp/aws ${awsProviderVersion()}`, options, async ({ expect }) => {
    const dir = join(outdir, "provider-schema");
    mkdirSync(dir);
    const version = awsProviderVersion();
    writeFileSync(
      join(dir, "main.tf.json"),
      JSON.stringify({ terraform: { required_providers: { aws: { source: "hashicorp/aws", version } } } }),
    );
    const init = await cli.run(dir, ["init", "-input=false", "-no-color"]);
    expect(init.ok, init.output).toBe(true);
    const schema = await cli.run(dir, ["providers", "schema", "-json"]);
    expect(schema.ok, schema.output).toBe(true);
    expect(mockDefaultProblems(JSON.parse(schema.stdout) as ProviderSchemas)).toEqual([]);
  });
}

/**
 * `stack` itself when it has no `import` block; else a copy next to it (`<dir>-without-imports`, written once) whose
 * cdk.tf.json lacks the import blocks, for the mocked apply.
 */
function withoutImports(stack: SynthesizedStack): SynthesizedStack {
  const { import: imports, ...rest } = stack.json as SynthesizedStack["json"] & { import?: unknown[] };
  if (!imports || imports.length === 0) return stack;
  const dir = `${stack.dir}-without-imports`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify(rest));
  return { name: stack.name, dir, json: rest };
}
