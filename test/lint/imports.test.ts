import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Every TypeScript file of the project outside node_modules and generated output. */
function sourceFiles(dir = "."): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (["node_modules", "cdktf.out", ".git"].includes(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

describe("import rules", () => {
  const files = sourceFiles();

  // bench/ spawns the root import on purpose, as the baseline it measures against.
  const rootImport = /(from\s+|import\(\s*|require\(\s*)["']@cdktf\/provider-aws["']/;

  it("imports provider classes by deep path only, never from the @cdktf/provider-aws root (about 2 s and 560 MB per process)", () => {
    const offenders = files.filter((f) => !f.startsWith("bench/") && rootImport.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("keeps modules independent of the config layer", () => {
    const offenders = files.filter((f) => f.startsWith("src/modules/") && /from\s+["'][./]*\/config\//.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("keeps the framework's App, stack and backend classes in a few files, so a move to CDK Terrain is mechanical", () => {
    const framework = /import\s*{[^}]*\b(App|TerraformStack|S3Backend|LocalBackend|Testing)\b[^}]*}\s*from\s*["']cdktf["']/;
    const users = files.filter((f) => !f.startsWith("test/") && framework.test(readFileSync(f, "utf8"))).sort();
    expect(users).toEqual(["src/accounts/account-stack.ts", "src/accounts/bootstrap-stack.ts", "src/app.ts"]);
  });

  it("detects a root import and lets a deep import pass (the rule can fail)", () => {
    const pkg = ["@cdktf", "provider-aws"].join("/");
    expect(rootImport.test(`import { Vpc } from "${pkg}";`)).toBe(true);
    expect(rootImport.test(`const aws = await import("${pkg}");`)).toBe(true);
    expect(rootImport.test(`import { Vpc } from "${pkg}/lib/vpc";`)).toBe(false);
  });
});
