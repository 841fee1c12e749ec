import { describe, expect, it } from "vitest";
import {
  configRulesFigure,
  consoleFence,
  findGeneratedBlocks,
  rewriteGeneratedBlocks,
  staleGeneratedBlocks,
} from "../../src/docs/generated-blocks.js";

const doc = [
  "# Title",
  "There are <!-- generated:figure stack-count -->4<!-- /generated --> stacks.",
  "<!-- generated:lz synth -->",
  "```console",
  "$ npx lz synth",
  "old output",
  "```",
  "<!-- /generated -->",
  "End.",
].join("\n");

describe("generated regions of the docs", () => {
  it("finds inline and block regions with their keys, bodies and lines", () => {
    const blocks = findGeneratedBlocks(doc, "README.md");
    expect(blocks.map((b) => [b.key, b.line])).toEqual([
      ["figure stack-count", 2],
      ["lz synth", 3],
    ]);
    expect(blocks[0]?.body).toBe("4");
    expect(blocks[1]?.body).toBe("\n```console\n$ npx lz synth\nold output\n```\n");
  });

  it("rewrites only the bodies, keeping the markers and the text around them", () => {
    const render = (key: string) => (key === "lz synth" ? consoleFence(key, "new output\n\n") : "5");
    const next = rewriteGeneratedBlocks(doc, "README.md", render);
    expect(next).toBe(
      [
        "# Title",
        "There are <!-- generated:figure stack-count -->5<!-- /generated --> stacks.",
        "<!-- generated:lz synth -->",
        "```console",
        "$ npx lz synth",
        "new output",
        "```",
        "<!-- /generated -->",
        "End.",
      ].join("\n"),
    );
    expect(staleGeneratedBlocks(next, "README.md", render)).toEqual([]);
  });

  it("reports the regions whose body differs from what the code produces", () => {
    const render = (key: string) => (key === "lz synth" ? consoleFence(key, "old output") : "5");
    expect(staleGeneratedBlocks(doc, "README.md", render).map((b) => `${b.line} ${b.key}`)).toEqual(["2 figure stack-count"]);
  });

  it("rejects an opening marker without its closing marker", () => {
    expect(() => findGeneratedBlocks("a\n<!-- generated:lz synth -->\nb", "docs/cli.md")).toThrow(
      "docs/cli.md:2: <!-- generated:lz synth --> has no <!-- /generated -->. Add it after the generated text.",
    );
  });

  it("rejects a region opened inside another", () => {
    const text = "<!-- generated:lz synth -->\n<!-- generated:lz validate -->\n<!-- /generated -->";
    expect(() => findGeneratedBlocks(text, "README.md")).toThrow(
      "README.md:2: a generated region starts inside the one opened on line 1. Close the first with <!-- /generated -->.",
    );
  });

  it("rejects a key that names no lz command or figure", () => {
    expect(() => findGeneratedBlocks("<!-- generated:lz deploy -->x<!-- /generated -->", "README.md")).toThrow(
      'README.md:1: unknown generated region "lz deploy".',
    );
    expect(() => findGeneratedBlocks("<!-- generated:figure test-count -->x<!-- /generated -->", "README.md")).toThrow(
      'unknown generated region "figure test-count"',
    );
  });

  it("groups stacks by their AWS Config rule count, fewest first, leaving out stacks without rules", () => {
    expect(configRulesFigure({ "workload-test": 25, bootstrap: 0, "network-hub": 28, "workload-dev": 25, "workload-prod": 28 })).toBe(
      "25 in workload-dev and workload-test, 28 in network-hub and workload-prod",
    );
    expect(configRulesFigure({ a: 3, b: 3, c: 3 })).toBe("3 in a, b and c");
    expect(configRulesFigure({ a: 0 })).toBe("");
  });
});
