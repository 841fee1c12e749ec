import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { synthesizeChecked } from "../src/app.js";
import { loadConfig } from "../src/config/index.js";
import { shippedSynthesis } from "./support/shared-synthesis.js";

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
    const { model, outdir: fast } = shippedSynthesis();
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
    synthesizeChecked(loadConfig("environments"), scratch());
    expect(new Error("after").stack).toMatch(/^Error: after\n\s+at /);
  });
});
