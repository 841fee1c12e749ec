import { afterAll, describe, expect, it } from "vitest";
import type { CostReport } from "../../src/cost/index.js";
import { cleanupConfigDirs, replace, referenceWith } from "../support/config-dir.js";
import { lz, STACK_FRAME } from "./lz.js";

afterAll(cleanupConfigDirs);

describe("lz cost", () => {
  const r = lz(["cost"]);

  it("prints a table per account with a total, on the shipped config", () => {
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^Monthly cost estimate, USD\nPrices: list prices as noted in src\/cost\/prices\/eu-west-1\.ts \(written down 2026-11-22: .*from memory.*\), not checked against the AWS Price List API; verify before quoting\.\n\n/,
    );
    expect(r.stdout).not.toContain("unpriced");
    expect(r.stdout).toMatch(/^prod {2}\(workload-prod, account 444444444444, eu-west-1, segment prod\)$/m);
    const account = (name: string) => {
      const start = r.stdout.search(new RegExp(`^${name} {2}\\(`, "m"));
      return r.stdout.slice(start, r.stdout.indexOf("\n\n", start));
    };
    // The hub's inspection VPC carries prod's egress: the hub bills a NAT gateway per AZ, prod none.
    expect(account("network-hub")).toMatch(/^ {2}NAT gateway hours +3 gateways \(one-per-az, 3 AZs\) × 730 h +105\.12$/m);
    expect(account("dev")).toMatch(/^ {2}NAT gateway hours +1 gateway \(single, shared by 2 AZs\) × 730 h +35\.04$/m);
    expect(account("prod")).toMatch(/^ {2}Transit Gateway attachment hours/m);
    expect(account("prod")).not.toContain("NAT gateway");
    expect(r.stdout).toContain("\nNot included:\n");
    expect(r.stdout).toMatch(/^ {2}hoursPerMonth +730$/m);
  });

  it("shows dev cheaper than prod, naming the prod-only choices as the reasons, largest first", () => {
    expect(r.stdout).toContain("Comparison of the environments, against dev (the cheapest):\n");
    const section = r.stdout.slice(r.stdout.indexOf("  prod costs "));
    expect(section).toMatch(/^ {2}prod costs [\d,.]+ more than dev:\n {4}\+3,000\.00 {2}Shield Advanced: subscribed/);
    expect(section).toMatch(
      /RDS MySQL instance hours: db\.r6g\.large Multi-AZ \(primary \+ standby, billed ×2\) × 730 h {2}\(dev: db\.t4g\.micro Single-AZ × 730 h\)/,
    );
    expect(section).not.toMatch(/NAT gateway hours/);
    expect(section).toMatch(/Flow logs: CloudWatch Logs storage: kept 365 days/);
  });

  it("prints the structured estimate with --format json", () => {
    const j = lz(["cost", "--format", "json"]);
    expect(j.status).toBe(0);
    const report = JSON.parse(j.stdout) as CostReport;
    expect(report.currency).toBe("USD");
    expect(report.priceTables).toEqual([{ region: "eu-west-1", retrievedOn: "2026-11-22", basis: expect.any(String) }]);
    expect(report.accounts.map((a) => a.name)).toEqual(["network-hub", "dev", "prod", "test"]);
    const prod = report.accounts.find((a) => a.name === "prod")!;
    expect(prod.lines.filter((l) => l.key.startsWith("nat-gateway"))).toEqual([]);
    expect(report.accounts.find((a) => a.name === "dev")!.lines[0]).toEqual({
      key: "nat-gateway-hours",
      component: "NAT gateway hours",
      driver: "1 gateway (single, shared by 2 AZs) × 730 h",
      quantity: 730,
      unitUsd: 0.048,
      unit: "NAT gateway-hour",
      monthlyUsd: 35.04,
      source: "https://aws.amazon.com/vpc/pricing/",
    });
    expect(prod.assumptions.hoursPerMonth).toBe(730);
    expect(prod.totalMonthlyUsd).toBeCloseTo(
      prod.lines.reduce((s, l) => s + l.monthlyUsd, 0),
      2,
    );
    const dev = report.accounts.find((a) => a.name === "dev")!;
    expect(dev.totalMonthlyUsd).toBeLessThan(prod.totalMonthlyUsd);
    expect(report.comparison!.cheapest).toBe("dev");
    expect(report.notIncluded.length).toBeGreaterThan(0);
  });

  it("shows one account with --env, and still compares every environment", () => {
    const j = JSON.parse(lz(["cost", "--env", "prod", "--format", "json"]).stdout) as CostReport;
    expect(j.accounts.map((a) => a.name)).toEqual(["prod"]);
    expect(j.totalMonthlyUsd).toBe(j.accounts[0]!.totalMonthlyUsd);
    expect(j.comparison!.environments.map((e) => e.name)).toEqual(["dev", "test", "prod"]);
  });

  it("rejects an unknown --env with exit 2, listing the names", () => {
    const e = lz(["cost", "--env", "staging"]);
    expect(e).toEqual({
      status: 2,
      stdout: "",
      stderr: `error: option '--env <name>' argument 'staging' is not an account of the config. Available names: network-hub, dev, prod, test.\n(run "lz cost --help" for usage)\n`,
    });
  });

  it("rejects an unknown --format with exit 2, naming the choices", () => {
    const e = lz(["cost", "--format", "csv"]);
    expect(e.status).toBe(2);
    expect(e.stderr).toContain("Allowed choices are table, json.");
  });

  it("uses an environment's costAssumptions and prints them", () => {
    const dir = referenceWith({
      "test.yaml": (old) => `${old}costAssumptions:\n  natGatewayGbProcessedPerMonth: 1000\n  hoursPerMonth: 744\n`,
    });
    const out = lz(["cost", "--config", dir, "--env", "test"]);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^ {2}NAT gateway hours +1 gateway \(single, shared by 2 AZs\) × 744 h +35\.71$/m);
    expect(out.stdout).toMatch(/^ {2}NAT gateway data processed +1,000 GB\/month +48\.00$/m);
    expect(out.stdout).toMatch(/^ {2}natGatewayGbProcessedPerMonth +100 {2}\(test: 1,000\)$/m);
  });

  it("rejects a misspelled assumption with its file, line and the valid key", () => {
    const dir = referenceWith({ "dev.yaml": (old) => `${old}costAssumptions:\n  natGbPerMonth: 5\n` });
    const out = lz(["cost", "--config", dir]);
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/^config has 1 problem:\n.*dev\.yaml:\d+:3 costAssumptions\.natGbPerMonth: unknown key "natGbPerMonth"/);
  });

  it("prints unpriced for a valid instance class without a price, notes it, excludes it from the totals, and exits 0", () => {
    const dir = referenceWith({ "prod.yaml": replace(/instanceClass: db\.[a-z0-9.]+/, "instanceClass: db.r7g.large") });
    const out = lz(["cost", "--config", dir, "--env", "prod"]);
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^ {2}RDS MySQL instance hours +db\.r7g\.large Multi-AZ .* unpriced$/m);
    expect(out.stdout).toMatch(/^ {2}Total +excluding 2 unpriced lines +[\d,]+\.\d\d$/m);
    expect(out.stdout).toMatch(/^Total: [\d,]+\.\d\d USD\/month for 1 account, excluding 2 unpriced lines$/m);
    expect(out.stdout).toContain(
      "Unpriced (0 in every total):\n  - no eu-west-1 price for RDS for MySQL instance class db.r7g.large. The price table has: ",
    );
    const json = lz(["cost", "--config", dir, "--env", "prod", "--format", "json"]);
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as CostReport;
    expect(report.unpriced).toHaveLength(1);
    const prod = report.accounts[0]!;
    expect(prod.lines.filter((l) => l.unpriced).map((l) => l.key)).toEqual(["rds-instance-hours", "rds-replica-hours"]);
    expect(prod.totalMonthlyUsd).toBe(Math.round(prod.lines.reduce((n, l) => n + l.monthlyUsd, 0) * 100) / 100);
  });

  it("fails with exit 1 and the Regions that have prices, for a Region without a price table", () => {
    const dir = referenceWith({
      "shared.yaml": replace(/eu-west-1/g, "eu-north-1"),
      "dev.yaml": replace("eu-west-1", "eu-north-1"),
      "test.yaml": replace("eu-west-1", "eu-north-1"),
      "prod.yaml": replace("eu-west-1", "eu-north-1"),
    });
    const out = lz(["cost", "--config", dir]);
    expect(out.stdout).toBe("");
    expect(out.stderr).toBe(
      "error: no price table for Region eu-north-1. Price tables exist for: eu-west-1, us-east-1. Add src/cost/prices/eu-north-1.ts (copy eu-west-1.ts) and list it in src/cost/prices/index.ts.\n",
    );
    expect(out.status).toBe(1);
    expect(out.stderr).not.toMatch(STACK_FRAME);
  });
});
