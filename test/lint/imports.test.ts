/**
 * The import rules live in biome.json (`noRestrictedImports`), and `npm run lint` enforces them on the code. These tests
 * prove the configuration says what DEVELOPERS.md promises: each probe below is linted with the project's biome.json
 * in a scratch copy of the layout, and exactly the forbidden imports are reported.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const PROVIDER_ROOT = ["@cdktf", "provider-aws"].join("/");

/** Probe files (path → source) and whether the project's lint configuration must reject them. */
const PROBES: Record<string, { source: string; forbidden: boolean }> = {
  "src/accounts/root-import.ts": { source: `import { Vpc } from "${PROVIDER_ROOT}";\nexport const y = [Vpc];\n`, forbidden: true },
  "src/accounts/root-dynamic.ts": { source: `const aws = await import("${PROVIDER_ROOT}");\nexport const y = [aws];\n`, forbidden: true },
  "src/accounts/deep-import.ts": { source: `import { Vpc } from "${PROVIDER_ROOT}/lib/vpc";\nexport const y = [Vpc];\n`, forbidden: false },
  "src/modules/vpc/imports-config.ts": { source: `import { x } from "../../config/model.js";\nexport const y = [x];\n`, forbidden: true },
  "src/modules/vpc/imports-net.ts": { source: `import { x } from "../../net/cidr.js";\nexport const y = [x];\n`, forbidden: false },
  "src/config/imports-routing.ts": { source: `import { x } from "../routing/verify.js";\nexport const y = [x];\n`, forbidden: true },
  "src/config/validate/imports-routing.ts": {
    source: `import { x } from "../../routing/plan.js";\nexport const y = [x];\n`,
    forbidden: true,
  },
  "src/config/imports-net.ts": { source: `import { x } from "../net/cidr.js";\nexport const y = [x];\n`, forbidden: false },
  "src/config/uses-app.ts": { source: `import { App } from "cdktf";\nexport const y = [App];\n`, forbidden: true },
  "src/cli/uses-app.ts": { source: `import { App } from "cdktf";\nexport const y = [App];\n`, forbidden: true },
  "src/modules/vpc/uses-stack.ts": {
    source: `import { TerraformStack } from "cdktf";\nexport const y = [TerraformStack];\n`,
    forbidden: true,
  },
  "src/modules/vpc/uses-fn.ts": { source: `import { Fn } from "cdktf";\nexport const y = [Fn];\n`, forbidden: false },
  "src/app.ts": { source: `import { App } from "cdktf";\nexport const y = [App];\n`, forbidden: false },
  "src/accounts/account-stack.ts": {
    source: `import { S3Backend, TerraformStack } from "cdktf";\nexport const y = [S3Backend, TerraformStack];\n`,
    forbidden: false,
  },
  "src/accounts/bootstrap-stack.ts": {
    source: `import { LocalBackend } from "cdktf";\nexport const y = [LocalBackend];\n`,
    forbidden: false,
  },
  "test/modules/uses-testing.test.ts": { source: `import { Testing } from "cdktf";\nexport const y = [Testing];\n`, forbidden: false },
};

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Lints the probes with the project's biome.json and returns the paths reported by noRestrictedImports. */
function restrictedImportFindings(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "lz-lint-"));
  dirs.push(dir);
  copyFileSync("biome.json", join(dir, "biome.json"));
  for (const [path, { source }] of Object.entries(PROBES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), source);
  }
  let out: string;
  try {
    out = execFileSync(resolve("node_modules/.bin/biome"), ["lint", "--vcs-enabled=false", "--reporter=json", "."], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? "");
  }
  const report = JSON.parse(out) as { diagnostics: { category: string; location: { path: string } }[] };
  return [...new Set(report.diagnostics.filter((d) => d.category === "lint/style/noRestrictedImports").map((d) => d.location.path))].sort();
}

describe("import rules (biome.json noRestrictedImports)", () => {
  it("rejects the provider root import, modules importing the config, the config importing routing (config→routing), and framework classes outside the framework files", () => {
    const expected = Object.entries(PROBES)
      .filter(([, p]) => p.forbidden)
      .map(([path]) => path)
      .sort();
    expect(restrictedImportFindings()).toEqual(expected);
  });
});
