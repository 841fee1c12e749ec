import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { App, TerraformStack } from "cdktf";
import { afterAll, describe, expect, it } from "vitest";
import { renderOnce, synthesizeChecked } from "../src/app.js";
import { loadConfig } from "../src/config/index.js";
import { referenceSynthesis } from "./support/shared-synthesis.js";
import { REFERENCE_DIR } from "./support/config-dir.js";

const dirs: string[] = [];
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), "lz-app-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const files = (root: string): Record<string, string> =>
  Object.fromEntries(readdirSync(join(root, "stacks")).map((s) => [s, readFileSync(join(root, "stacks", s, "cdk.tf.json"), "utf8")]));

describe("synthesizeChecked", () => {
  it("writes the same Terraform JSON with cdktf's token stack traces turned off as with them on", () => {
    // Synthesized with the traces off (LZ_STACK_TRACES unset), shared with the other test files of this worker.
    const { model, outdir: fast } = referenceSynthesis();
    const traced = scratch();
    process.env.LZ_STACK_TRACES = "1";
    try {
      synthesizeChecked(model, traced);
    } finally {
      delete process.env.LZ_STACK_TRACES;
    }
    expect(files(fast)).toEqual(files(traced));
  });

  it("restores V8's stack formatting afterwards, so later errors keep their stack trace", () => {
    synthesizeChecked(loadConfig(REFERENCE_DIR), scratch());
    expect(new Error("after").stack).toMatch(/^Error: after\n\s+at /);
  });
});

describe("renderOnce", () => {
  /** An app with two stacks; with `crossStack`, the second references a bucket of the first. */
  const twoStacks = (outdir: string, crossStack: boolean) => {
    const app = new App({ outdir });
    const first = new TerraformStack(app, "first");
    const second = new TerraformStack(app, "second");
    for (const stack of [first, second]) new AwsProvider(stack, "aws", { region: "eu-west-1" });
    const bucket = new S3Bucket(first, "bucket", { bucket: "first-bucket" });
    const topic = new SnsTopic(second, "topic", { name: crossStack ? bucket.arn : "plain" });
    new S3Bucket(second, "logs", { bucket: `${topic.name}-logs`, tags: { Topic: topic.arn } });
    return { app, stacks: [first, second] };
  };
  const written = (outdir: string, stack: string) => JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));

  it.each([
    ["without a cross-stack reference (each element's prepared result is reused)", false],
    ["with a cross-stack reference (rendered again, as cdktf does)", true],
  ])("renders what cdktf writes, %s", (_name, crossStack) => {
    const plain = scratch();
    twoStacks(plain, crossStack).app.synth();
    const once = twoStacks(scratch(), crossStack);
    const rendered = renderOnce(once.stacks);
    for (const stack of once.stacks) {
      expect(JSON.parse(JSON.stringify(rendered.get(stack))), stack.node.id).toEqual(written(plain, stack.node.id));
    }
    if (crossStack) expect(JSON.stringify(rendered.get(once.stacks[1]!))).toContain("terraform_remote_state");
  });
});
