import { describe, expect, it } from "vitest";
import { CACHE_NODE_FAMILIES, cacheNodeType, currentCacheNodeTypes, currentEquivalent } from "../../src/aws/elasticache-node-types.js";
import { FARGATE_CPU_UNITS, FARGATE_MEMORY_MIB } from "../../src/aws/fargate.js";
import { deprecatedMinorVersion, RDS_MAJOR_VERSIONS } from "../../src/aws/rds-engine-versions.js";
import { isRdsInstanceClass, RDS_INSTANCE_FAMILIES, rdsInstanceClasses } from "../../src/aws/rds-instance-classes.js";

/** Size order: micro < small < medium < large < xlarge < 2xlarge < ... < 48xlarge. */
function sizeRank(size: string): number {
  const named = ["micro", "small", "medium", "large", "xlarge"].indexOf(size);
  if (named >= 0) return named;
  const m = /^([1-9]\d*)xlarge$/.exec(size);
  if (!m) throw new Error(`not a size: ${size}`);
  return 4 + Number(m[1]);
}

const SIZE = "(micro|small|medium|large|xlarge|[1-9]\\d*xlarge)";

describe("the RDS instance class table", () => {
  for (const [engine, families] of Object.entries(RDS_INSTANCE_FAMILIES)) {
    it(`names every ${engine} class db.<family>.<size>, once, with sizes smallest first`, () => {
      const classes = rdsInstanceClasses(engine as keyof typeof RDS_INSTANCE_FAMILIES);
      for (const c of classes) expect(c).toMatch(new RegExp(`^db\\.[a-z][a-z0-9]*\\.${SIZE}$`));
      expect(new Set(classes).size).toBe(classes.length);
      expect(new Set(families.map((f) => f.family)).size).toBe(families.length);
      for (const f of families) {
        const ranks = f.sizes.map(sizeRank);
        expect(ranks, f.family).toEqual([...ranks].sort((a, b) => a - b));
      }
    });
  }

  it("knows the default class and the shipped classes, and not a misspelled or unlisted one", () => {
    for (const c of ["db.r6g.large", "db.t4g.micro", "db.m7g.16xlarge", "db.r8g.48xlarge"])
      expect(isRdsInstanceClass("mysql", c), c).toBe(true);
    for (const c of ["db.r6g.lurge", "db.r6g.24xlarge", "db.t4g.micro.extra", "db.r6g", "db.m9g.large"])
      expect(isRdsInstanceClass("mysql", c), c).toBe(false);
  });
});

describe("the RDS engine version table", () => {
  it("has well-formed majors and flags only pinned minors older than the oldest one offered", () => {
    for (const v of RDS_MAJOR_VERSIONS.mysql!) expect(v.major).toMatch(/^\d+\.\d+$/);
    expect(deprecatedMinorVersion("mysql", "8.0.41")).toEqual({ major: "8.0", oldestOffered: "8.0.42" });
    expect(deprecatedMinorVersion("mysql", "8.0.42")).toBeUndefined();
    expect(deprecatedMinorVersion("mysql", "8.0.99")).toBeUndefined();
    expect(deprecatedMinorVersion("mysql", "8.0")).toBeUndefined();
    expect(deprecatedMinorVersion("mysql", "8.4.4")).toEqual({ major: "8.4", oldestOffered: "8.4.5" });
    expect(deprecatedMinorVersion("mysql", "8.4.5")).toBeUndefined();
    expect(deprecatedMinorVersion("mysql", "8.4")).toBeUndefined();
  });
});

describe("the ElastiCache node type table", () => {
  for (const [engine, families] of Object.entries(CACHE_NODE_FAMILIES)) {
    const e = engine as keyof typeof CACHE_NODE_FAMILIES;
    it(`names every ${engine} node type cache.<family>.<size>, once, with sizes smallest first`, () => {
      const all = families.flatMap((f) => f.sizes.map((s) => `${f.family}.${s}`));
      for (const t of all) expect(t).toMatch(new RegExp(`^cache\\.[a-z][a-z0-9]*\\.${SIZE}$`));
      expect(new Set(all).size).toBe(all.length);
      for (const f of families) {
        const ranks = f.sizes.map(sizeRank);
        expect(ranks, f.family).toEqual([...ranks].sort((a, b) => a - b));
      }
    });

    it(`maps every previous-generation ${engine} node type to a current one`, () => {
      const current = new Set(currentCacheNodeTypes(e));
      for (const f of families.filter((x) => x.status === "previous")) {
        for (const size of f.sizes) {
          const info = cacheNodeType(e, `${f.family}.${size}`)!;
          expect(current.has(currentEquivalent(e, info)), `${f.family}.${size}`).toBe(true);
        }
      }
    });
  }

  it("keeps the default node type current", () => {
    expect(cacheNodeType("redis", "cache.r7g.large")?.family.status).toBe("current");
  });
});

describe("the Fargate task size table", () => {
  it("lists cpu values ascending, each with memory values ascending from 2x to at most 8x the cpu, in whole 512 MiB", () => {
    expect(FARGATE_CPU_UNITS).toEqual([256, 512, 1024, 2048, 4096, 8192, 16384]);
    for (const cpu of FARGATE_CPU_UNITS) {
      const memory = FARGATE_MEMORY_MIB[cpu]!;
      expect(memory, String(cpu)).toEqual([...memory].sort((a, b) => a - b));
      expect(memory[0], String(cpu)).toBe(2 * cpu);
      expect(memory.at(-1)!, String(cpu)).toBeLessThanOrEqual(8 * cpu);
      for (const m of memory) expect(m % 512, `${cpu}/${m}`).toBe(0);
    }
  });
});
