import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

type Update = {
  "package-ecosystem": string;
  directory: string;
  groups?: Record<string, { patterns: string[]; "exclude-patterns"?: string[] }>;
};
const config = parse(readFileSync(".github/dependabot.yml", "utf8")) as { version: number; updates: Update[] };

describe("dependabot.yml", () => {
  it("updates npm packages and GitHub Actions", () => {
    expect(config.version).toBe(2);
    expect(config.updates.map((u) => u["package-ecosystem"]).sort()).toEqual(["github-actions", "npm"]);
  });

  it("groups cdktf, its CLI, constructs and the provider bindings into one pull request", () => {
    const npm = config.updates.find((u) => u["package-ecosystem"] === "npm")!;
    const group = npm.groups!["cdktf-and-provider"]!;
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const framework = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((n) =>
      /^(cdktf|cdktf-cli|constructs|@cdktf\/.+)$/.test(n),
    );
    expect(framework.sort()).toEqual(["@cdktf/provider-aws", "cdktf", "cdktf-cli", "constructs"]);
    const matches = (name: string, pattern: string) =>
      new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(name);
    for (const name of framework)
      expect(
        group.patterns.some((p) => matches(name, p)),
        name,
      ).toBe(true);
    const tools = npm.groups!["test-and-build-tools"]!;
    for (const name of framework)
      expect(
        tools["exclude-patterns"]!.some((p) => matches(name, p)),
        name,
      ).toBe(true);
  });
});
