import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Files under src/ stay small enough to hold in a head (DEVELOPERS.md, Conventions). */
const MAX_LINES = 500;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

describe("file size", () => {
  it(`keeps every TypeScript file under src/ at ${MAX_LINES} lines or fewer`, () => {
    const long = tsFiles("src")
      .map((f) => [f, readFileSync(f, "utf8").split("\n").length - 1] as const)
      .filter(([, lines]) => lines > MAX_LINES)
      .map(([f, lines]) => `${f}: ${lines} lines`);
    expect(long, "split these by concept, as src/config/validate/ is split").toEqual([]);
  });
});
