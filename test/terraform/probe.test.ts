import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { awsProviderVersion, DEFAULT_PROVIDER_MIRROR, probeTerraform } from "../support/terraform.js";

const scratch = mkdtempSync(join(tmpdir(), "lz-tf-probe-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const mirror = process.env.TF_PROVIDER_MIRROR || DEFAULT_PROVIDER_MIRROR;
const hasTerraform = probeTerraform().ok;

describe.skipIf(!hasTerraform)("probeTerraform without the provider mirror", () => {
  const missing = join(scratch, "no-mirror");

  it("says why and how to fix it when neither the mirror nor a plugin cache is given", () => {
    const probe = probeTerraform({ ...process.env, TF_PROVIDER_MIRROR: missing, TF_PLUGIN_CACHE_DIR: "" });
    expect(probe).toEqual({
      ok: false,
      reason:
        `provider mirror ${missing} lacks registry.terraform.io/hashicorp/aws/${awsProviderVersion()}; set TF_PROVIDER_MIRROR to a mirror ` +
        "that has it, or TF_PLUGIN_CACHE_DIR to install the provider from the registry into that plugin cache",
    });
  });

  it("uses a plugin cache that already holds the provider as its mirror (the layout is the same)", () => {
    const cache = join(scratch, "cache");
    const aws = join("registry.terraform.io", "hashicorp", "aws");
    mkdirSync(join(cache, aws), { recursive: true });
    symlinkSync(join(mirror, aws, awsProviderVersion()), join(cache, aws, awsProviderVersion()));
    const probe = probeTerraform({ ...process.env, TF_PROVIDER_MIRROR: missing, TF_PLUGIN_CACHE_DIR: cache });
    expect(probe).toMatchObject({ ok: true, mirror: cache });
  });
});
