/**
 * The real Terraform, offline, on every stack synthesized from the config in `environments/` (whatever it holds):
 * `init`, `validate`, and a mocked `apply` through `terraform test` with `mock_provider`; the same for the stack a
 * per-vpc inspection environment gets in the reference config (test/support/per-vpc.ts). Without the provider mirror
 * but with TF_PLUGIN_CACHE_DIR set (the GitHub workflows), it installs the provider from the registry into that
 * cache first. Skips (with the reason printed, and a warning annotation on GitHub Actions) when Terraform or the
 * provider cannot be had; see test/support/terraform.ts for TERRAFORM_BIN, TF_PROVIDER_MIRROR and TF_PLUGIN_CACHE_DIR.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { PROVIDER_LOCK_FILE } from "../../src/pipeline/workflow.js";
import { cleanupConfigDirs } from "../support/config-dir.js";
import { environmentsSynthesis, perVpcSynthesis } from "../support/shared-synthesis.js";
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
if (!probe.ok) {
  console.warn(`Skipping the real-Terraform checks: ${probe.reason}`);
  // On GitHub Actions, also a warning annotation on the run, so a skip is never silent.
  if (process.env.GITHUB_ACTIONS === "true")
    console.log(`::warning title=real-Terraform checks skipped::${probe.reason.replace(/%/g, "%25").replace(/\r?\n/g, "%0A")}`);
}

describe.skipIf(!probe.ok)(
  `the config in environments/ under the real Terraform${probe.ok ? ` ${probe.version}` : ` (skipped: ${probe.reason})`}`,
  () => {
    if (probe.ok) terraformChecks(probe);
    else it("runs init, validate and a mocked apply on every synthesized stack", () => {});
  },
);

function terraformChecks(terraform: TerraformFound): void {
  const cli = new TerraformCli(terraform);
  // Synthesized while collecting (synthesize is synchronous), so that each stack gets its own tests. The
  // synthesis is shared with the other test files of this worker; Terraform writes into the stack folders
  // (.terraform, the lock file, tests/), so it works on a copy.
  const outdir = mkdtempSync(join(tmpdir(), "lz-tf-synth-"));
  cpSync(environmentsSynthesis().outdir, outdir, { recursive: true });
  const stacks = new Map(readManifest(outdir).map((s) => [s.name, s]));
  const names = [...stacks.keys()];
  const options = { timeout: DEFAULT_TIMEOUT_MS };

  // The per-vpc scenario changes only workload-test (test/accounts/per-vpc.test.ts checks that), so only it runs here.
  const perVpcOutdir = mkdtempSync(join(tmpdir(), "lz-tf-per-vpc-"));
  cpSync(perVpcSynthesis().outdir, perVpcOutdir, { recursive: true });
  const perVpcStack = readManifest(perVpcOutdir).find((s) => s.name === "workload-test")!;

  afterAll(async () => {
    await cli.dispose();
    rmSync(outdir, { recursive: true, force: true });
    rmSync(perVpcOutdir, { recursive: true, force: true });
    cleanupConfigDirs();
  });

  // One init per stack, shared by its validate and mocked-apply tests. The mock file is written first, so
  // `terraform validate` checks it too. Like the workflows, init uses the committed provider lock file as is.
  const inits = new Map<string, Promise<TerraformResult>>();
  const initialized = (stack: SynthesizedStack): Promise<TerraformResult> => {
    if (!inits.has(stack.name)) {
      writeMockApplyTest(stack);
      copyFileSync(PROVIDER_LOCK_FILE, join(stack.dir, ".terraform.lock.hcl"));
      inits.set(stack.name, cli.run(stack.dir, ["init", "-backend=false", "-input=false", "-lockfile=readonly", "-no-color"]));
    }
    return inits.get(stack.name)!;
  };
  const stack = (name: string): SynthesizedStack => stacks.get(name)!;

  it("synthesizes at least one stack to check", ({ expect }) => {
    expect(names.length).toBeGreaterThan(0);
  });

  it.concurrent.for(names)("stack %s passes terraform validate", options, async (name, { expect }) => {
    const init = await initialized(stack(name));
    expect(init.ok, init.output).toBe(true);
    const validate = await cli.run(stack(name).dir, ["validate", "-no-color"]);
    expect(validate.ok, validate.output).toBe(true);
  });

  it.concurrent.for(names)("stack %s applies against mocked providers under terraform test", options, async (name, { expect }) => {
    const init = await initialized(stack(name));
    expect(init.ok, init.output).toBe(true);
    const test = await cli.run(stack(name).dir, ["test", "-no-color"]);
    expect(mockApplyPassed(test), test.output).toBe(true);
  });

  it.concurrent(
    "per-vpc inspection: stack workload-test passes terraform validate and applies against mocked providers",
    options,
    async ({ expect }) => {
      writeMockApplyTest(perVpcStack);
      const init = await cli.run(perVpcStack.dir, ["init", "-backend=false", "-input=false", "-no-color"]);
      expect(init.ok, init.output).toBe(true);
      const validate = await cli.run(perVpcStack.dir, ["validate", "-no-color"]);
      expect(validate.ok, validate.output).toBe(true);
      const test = await cli.run(perVpcStack.dir, ["test", "-no-color"]);
      expect(mockApplyPassed(test), test.output).toBe(true);
    },
  );

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
