import { describe, expect, it } from "vitest";
import { mockApplyPassed, mockApplyTest, type StackJson } from "../support/terraform.js";

/** The `mock_provider` blocks of a generated file, in order. */
const providerBlocks = (file: string) => file.split(/\n\n/).filter((b) => b.startsWith("mock_provider"));

describe("mockApplyTest", () => {
  const stack: StackJson = {
    provider: { aws: [{ region: "eu-west-1" }, { alias: "hub", region: "eu-west-1" }] },
    resource: { aws_kms_key: { key: {} }, aws_vpc: { vpc: {} } },
    data: { aws_availability_zones: { azs: {} } },
  };
  const file = mockApplyTest(stack);

  it("writes one mock provider per provider configuration, naming the aliased one, then a mocked apply", () => {
    const blocks = providerBlocks(file);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).not.toContain("alias");
    expect(blocks[1]).toMatch(/^mock_provider "aws" \{\n {2}alias = "hub"\n/);
    expect(file).toMatch(/run "mock_apply" \{\n {2}command = apply\n\}\n$/);
  });

  it("puts the defaults of the types the stack uses, and only those, into every mock provider", () => {
    for (const block of providerBlocks(file)) {
      expect(block).toContain('mock_data "aws_availability_zones" {\n    defaults = { names = ["mock-1a", "mock-1b", "mock-1c"]');
      expect(block).toContain('mock_resource "aws_kms_key" {\n    defaults = { arn = "arn:aws:kms:eu-west-1:123456789012:key/');
      expect(block).toContain('mock_resource "aws_vpc"');
      expect(block).not.toContain("aws_iam_role");
    }
  });

  it("mocks the default aws provider when the stack configures none", () => {
    expect(providerBlocks(mockApplyTest({}))).toEqual(['mock_provider "aws" {\n}']);
  });
});

describe("mockApplyPassed", () => {
  const teardown =
    "Error: Instance cannot be destroyed\n\nResource aws_vpc.x has lifecycle.prevent_destroy set, but the plan calls for this resource to be destroyed.\n";

  it("accepts a passing run whose only errors are prevent_destroy refusals during teardown", () => {
    expect(mockApplyPassed({ ok: false, stdout: "Failure! 1 passed, 0 failed.\n", stderr: teardown })).toBe(true);
  });

  it("rejects a failed run, and a passing run with any other error", () => {
    expect(mockApplyPassed({ ok: false, stdout: "Failure! 0 passed, 1 failed.\n", stderr: teardown })).toBe(false);
    expect(
      mockApplyPassed({
        ok: false,
        stdout: "Failure! 1 passed, 0 failed.\n",
        stderr: `${teardown}\nError: Provider produced inconsistent result\n`,
      }),
    ).toBe(false);
    expect(mockApplyPassed({ ok: true, stdout: "Success! 0 passed, 0 failed.\n", stderr: "" })).toBe(false);
  });
});
