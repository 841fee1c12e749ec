import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PROVIDER_LOCK_FILE } from "../../src/pipeline/workflow.js";
import { awsProviderVersion } from "../support/terraform.js";

describe("the committed provider lock file", () => {
  const text = readFileSync(PROVIDER_LOCK_FILE, "utf8");

  it("locks exactly the hashicorp/aws version that @cdktf/provider-aws binds, and nothing else", () => {
    const providers = [...text.matchAll(/^provider "([^"]+)" \{\n\s+version\s+= "([^"]+)"/gm)].map((m) => [m[1], m[2]]);
    expect(providers).toEqual([["registry.terraform.io/hashicorp/aws", awsProviderVersion()]]);
  });

  it("holds at least one package hash, for the linux_amd64 runners", () => {
    expect(text).toMatch(/^\s+"h1:[A-Za-z0-9+/]+=",$/m);
  });
});
