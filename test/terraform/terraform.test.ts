/**
 * The real Terraform, offline, on every stack synthesized from `environments/` and from every `examples/<name>/`
 * folder (whatever they hold): `init`, `validate`, and a mocked `apply` through `terraform test` with
 * `mock_provider`; the same for the stack a per-vpc inspection environment gets in the reference config
 * (test/support/per-vpc.ts). A stack whose cdk.tf.json is byte-identical to one already listed (an example
 * shaped like environments/, a stack that a scenario leaves unchanged) is checked once, under the names of every
 * config that has it. Skips (with the reason printed) when Terraform or the provider mirror is missing; see
 * test/support/terraform.ts for TERRAFORM_BIN and TF_PROVIDER_MIRROR.
 */
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { checkedConfigDirs } from "../support/config-invariants.js";
import { cleanupConfigDirs } from "../support/config-dir.js";
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
  type ProviderSchemas,
  type SynthesizedStack,
  type TerraformFound,
  type TerraformResult,
} from "../support/terraform.js";

const probe = probeTerraform();
if (!probe.ok) console.warn(`Skipping the real-Terraform checks: ${probe.reason}`);

describe.skipIf(!probe.ok)(
  `environments/ and examples/ under the real Terraform${probe.ok ? ` ${probe.version}` : ` (skipped: ${probe.reason})`}`,
  () => {
    if (probe.ok) terraformChecks(probe);
    else it("runs init, validate and a mocked apply on every synthesized stack", () => {});
  },
);

/** A synthesized stack to check, and every `<config>/<stack>` whose cdk.tf.json is identical to it. */
interface UniqueStack {
  readonly stack: SynthesizedStack;
  readonly label: string;
}

/** A config whose synthesis the real Terraform checks, and which of its stacks (all when absent). */
interface CheckedConfig {
  readonly name: string;
  readonly synthesis: () => SharedSynthesis;
  readonly only?: readonly string[];
}

/**
 * Copies each config's synthesis into `root` (Terraform writes into the stack folders: .terraform, the lock file,
 * tests/) and returns its stacks with duplicates merged: the first occurrence of each cdk.tf.json is kept, labelled
 * `<stack> (<config>, <config>…)` by every config that has it.
 */
function uniqueStacks(root: string, configs: readonly CheckedConfig[]): UniqueStack[] {
  const byHash = new Map<string, { stack: SynthesizedStack; configs: string[] }>();
  configs.forEach((config, i) => {
    const outdir = join(root, String(i));
    cpSync(config.synthesis().outdir, outdir, { recursive: true });
    for (const stack of readManifest(outdir)) {
      if (config.only && !config.only.includes(stack.name)) continue;
      const hash = createHash("sha256")
        .update(readFileSync(join(stack.dir, "cdk.tf.json")))
        .digest("hex");
      const known = byHash.get(hash);
      if (known) known.configs.push(config.name);
      else byHash.set(hash, { stack, configs: [config.name] });
    }
  });
  return [...byHash.values()].map(({ stack, configs }) => ({ stack, label: `${stack.name} (${configs.join(", ")})` }));
}

function terraformChecks(terraform: TerraformFound): void {
  const cli = new TerraformCli(terraform);
  // Synthesized while collecting (synthesize is synchronous), so that each stack gets its own tests. The
  // syntheses are shared with the other test files of this worker.
  const outdir = mkdtempSync(join(tmpdir(), "lz-tf-synth-"));
  const stacks = uniqueStacks(outdir, [
    ...checkedConfigDirs().map((dir) => ({ name: dir, synthesis: () => configSynthesis(dir) })),
    // The per-vpc scenario changes only workload-test (test/accounts/per-vpc.test.ts checks that).
    { name: "reference with test on per-vpc inspection", synthesis: perVpcSynthesis, only: ["workload-test"] },
  ]);
  const labels = stacks.map((s) => s.label);
  const byLabel = new Map(stacks.map((s) => [s.label, s.stack]));
  const options = { timeout: DEFAULT_TIMEOUT_MS };

  afterAll(async () => {
    await cli.dispose();
    rmSync(outdir, { recursive: true, force: true });
    cleanupConfigDirs();
  });

  // One init per stack, shared by its validate and mocked-apply tests. The mock file is written first, so
  // `terraform validate` checks it too.
  const inits = new Map<string, Promise<TerraformResult>>();
  const initialized = (stack: SynthesizedStack): Promise<TerraformResult> => {
    if (!inits.has(stack.dir)) {
      writeMockApplyTest(stack);
      inits.set(stack.dir, cli.run(stack.dir, ["init", "-backend=false", "-input=false", "-no-color"]));
    }
    return inits.get(stack.dir)!;
  };
  const stack = (label: string): SynthesizedStack => byLabel.get(label)!;

  it("synthesizes at least one stack to check", ({ expect }) => {
    expect(labels.length).toBeGreaterThan(0);
  });

  it.concurrent.for(labels)("stack %s passes terraform validate", options, async (label, { expect }) => {
    const init = await initialized(stack(label));
    expect(init.ok, init.output).toBe(true);
    const validate = await cli.run(stack(label).dir, ["validate", "-no-color"]);
    expect(validate.ok, validate.output).toBe(true);
  });

  it.concurrent.for(labels)("stack %s applies against mocked providers under terraform test", options, async (label, { expect }) => {
    const init = await initialized(stack(label));
    expect(init.ok, init.output).toBe(true);
    const test = await cli.run(stack(label).dir, ["test", "-no-color"]);
    expect(mockApplyPassed(test), test.output).toBe(true);
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
