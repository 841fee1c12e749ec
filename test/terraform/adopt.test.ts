/**
 * The real Terraform on the adopt scenario (test/support/adopt.ts): the two stacks with `import` blocks (the hub and
 * dev) pass `terraform init` and `terraform validate` (import blocks need Terraform >= 1.5). Skips, with the reason
 * printed, where Terraform or the provider mirror is missing (see test/support/terraform.ts).
 *
 * No mocked apply here: Terraform 1.11 refuses to import through a `mock_provider` ("Cannot import resources from
 * mock providers. Use an `override_resource` block ..."), and with an `override_resource` per imported address the
 * refresh of an imported `aws_cloudtrail` and `aws_config_configuration_recorder` still fails ("The returned state
 * contains unknown values"), since their configuration refers to resources created in the same apply. The other
 * stacks of the scenario are the reference stacks, which test/terraform/terraform.test.ts applies against mocks.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { ADOPTED_IMPORTS } from "../support/adopt.js";
import { cleanupConfigDirs } from "../support/config-dir.js";
import { adoptSynthesis } from "../support/shared-synthesis.js";
import { DEFAULT_TIMEOUT_MS, probeTerraform, readManifest, TerraformCli, type TerraformFound } from "../support/terraform.js";

const probe = probeTerraform();
if (!probe.ok) console.warn(`Skipping the real-Terraform checks of adoption: ${probe.reason}`);

describe.skipIf(!probe.ok)(
  `adopted resources under the real Terraform${probe.ok ? ` ${probe.version}` : ` (skipped: ${probe.reason})`}`,
  () => {
    if (probe.ok) adoptChecks(probe);
    else it("validates the stacks with import blocks", () => {});
  },
);

function adoptChecks(terraform: TerraformFound): void {
  const cli = new TerraformCli(terraform);
  const outdir = mkdtempSync(join(tmpdir(), "lz-tf-adopt-"));
  cpSync(adoptSynthesis().outdir, outdir, { recursive: true });
  const stacks = readManifest(outdir).filter((s) => s.name in ADOPTED_IMPORTS);
  afterAll(async () => {
    await cli.dispose();
    rmSync(outdir, { recursive: true, force: true });
    cleanupConfigDirs();
  });

  it.concurrent.for(stacks.map((s) => s.name))(
    "stack %s with its import blocks passes terraform validate",
    { timeout: DEFAULT_TIMEOUT_MS },
    async (name, { expect }) => {
      const stack = stacks.find((s) => s.name === name)!;
      expect((stack.json as { import?: unknown[] }).import).toHaveLength(ADOPTED_IMPORTS[name as keyof typeof ADOPTED_IMPORTS]);
      const init = await cli.run(stack.dir, ["init", "-backend=false", "-input=false", "-no-color"]);
      expect(init.ok, init.output).toBe(true);
      const validate = await cli.run(stack.dir, ["validate", "-no-color"]);
      expect(validate.ok, validate.output).toBe(true);
    },
  );
}
