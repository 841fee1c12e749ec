/**
 * Text rendering of verifier results and of effective route tables, for `lz routes`.
 */
import type { RoutingPlan, VpcRoute } from "./plan.js";
import { Network, type Hop, type Trace } from "./trace.js";
import { describeExpectation, type IntentResult, type PathResult, type ScenarioResult } from "./verify.js";

/** Minimal styling the renderer needs (the CLI passes its colour styles; identity functions for plain text). */
export interface RouteStyle {
  readonly green: (s: string) => string;
  readonly red: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly dim?: (s: string) => string;
}

const plain: RouteStyle = { green: (s) => s, red: (s) => s, bold: (s) => s };

/** Columns padded to their widest cell, two spaces apart, each line indented by `indent`. */
export function table(rows: readonly (readonly string[])[], indent = "    "): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) => `${indent}${r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join("  ")}`.trimEnd());
}

/** The hop table of a trace: #, attachment/subnet, route table, matched route, next. */
export function hopTable(trace: Trace, indent = "      "): string[] {
  const rows = [
    ["#", "at", "route table", "matched route", "next"],
    ...trace.hops.map((h: Hop, i) => [String(i + 1), h.at, h.table, h.matched, h.next]),
  ];
  const result = trace.reached ? "reached" : `dropped: ${trace.dropped}`;
  return [...table(rows, indent), `${indent}${result}`];
}

/** What one path did: denied, or the waypoints it crossed. */
const pathOutcome = (p: PathResult) => {
  if (!p.forward.reached) return "denied";
  if (p.back && !p.back.reached) return "denied (no return path)";
  return p.forward.waypoints.length > 0 ? `via ${p.forward.waypoints.join(", ")}` : "direct";
};
/** What a scenario's paths did, each distinct outcome once. */
const outcome = (s: ScenarioResult) => (s.applicable ? [...new Set(s.paths.map(pathOutcome))].join(" / ") : `n/a (${s.note})`);
const pathKey = (p: PathResult) => JSON.stringify([p.from, p.to, p.forward.hops, p.back?.hops]);
const failedCount = (s: ScenarioResult) => s.paths.filter((p) => !p.ok).length;

/** Forward and return hop tables of one path, under a heading naming it. */
function pathHops(p: PathResult, heading: string, s: RouteStyle): string[] {
  const lines = [`    ${heading}, ${p.from} → ${p.to}:`, ...hopTable(p.forward)];
  if (p.back) lines.push(`    return path, ${p.to} → ${p.from}:`, ...hopTable(p.back));
  if (p.problem) lines.push(s.red(`    ✘ ${p.problem}`));
  return lines;
}

/** Hop tables of every failing path of `r` (a path failing the same way in several scenarios once, under the first). */
function failingPaths(r: IntentResult, s: RouteStyle, printed = new Set<string>()): string[] {
  const lines: string[] = [];
  for (const sc of r.scenarios)
    for (const p of sc.paths) {
      if (p.ok || printed.has(pathKey(p))) continue;
      printed.add(pathKey(p));
      lines.push(...pathHops(p, `${sc.scenario}: expected ${describeExpectation(sc.expected)}`, s));
    }
  return lines;
}

const verdict = (results: readonly IntentResult[], s: RouteStyle) => {
  const bad = results.filter((r) => !r.ok).length;
  const paths = results.reduce((n, r) => n + r.scenarios.reduce((m, sc) => m + sc.paths.length, 0), 0);
  return bad === 0
    ? s.green(`All ${results.length} intents hold in the normal state and under every failure (${paths} paths checked).`)
    : s.red(`${bad} of ${results.length} intents violated (${paths} paths checked).`);
};

/**
 * The default report of `lz routes`: one row per intent, one column per scenario, each cell `ok <n>` (the intent
 * and the invariants hold on all n paths walked), `VIOLATED <k>/<n>` or `n/a`; then, for every violated intent,
 * the hops of each failing path, forward and back; then the verdict.
 */
export function renderIntentSummary(results: readonly IntentResult[], s: RouteStyle = plain): string {
  const scenarios = results[0]?.scenarios.map((sc) => sc.label) ?? [];
  const cell = (sc: ScenarioResult) =>
    !sc.applicable ? "n/a" : sc.ok ? `ok ${sc.paths.length}` : `VIOLATED ${failedCount(sc)}/${sc.paths.length}`;
  const rows = [["intent", ...scenarios], ...results.map((r) => [r.intent.name, ...r.scenarios.map(cell)])];
  const lines = table(rows, "").map((l, i) => (i === 0 ? s.bold(l) : l.includes("VIOLATED") ? s.red(l) : l));
  lines.push(
    "",
    "ok n: the intent holds on all n paths walked (every AZ of the source and destination tiers that is up, every AZ the",
    "transit gateway may pick for the flow), forward and back, through the same firewall endpoints and the same on-prem",
    "link both ways. VIOLATED k/n: k paths fail (their hops follow). n/a: the scenario removes the source or destination.",
    "lz routes --hops prints every hop.",
  );
  const printed = new Set<string>();
  for (const r of results) {
    if (r.ok) continue;
    lines.push("", s.red(`✘ ${s.bold(r.intent.name)}  ${r.intent.from} → ${r.intent.to}`), ...failingPaths(r, s, printed));
  }
  lines.push("", verdict(results, s));
  return lines.join("\n");
}

/**
 * The detailed report of `lz routes --hops`: per intent, one row per scenario (expected, actual, paths walked,
 * ok/VIOLATED), then the forward and return hop tables of every distinct path (a path walked the same way in
 * several scenarios once, under the first), failing paths with their problem.
 */
export function renderIntentReport(results: readonly IntentResult[], s: RouteStyle = plain): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.ok ? s.green("✔") : s.red("✘")} ${s.bold(r.intent.name)}  ${r.intent.from} → ${r.intent.to}`);
    const rows = [["scenario", "expected", "actual", "paths", ""]];
    for (const sc of r.scenarios)
      rows.push([sc.label, describeExpectation(sc.expected), outcome(sc), String(sc.paths.length), sc.ok ? "ok" : "VIOLATED"]);
    lines.push(...table(rows).map((l) => (l.endsWith("VIOLATED") ? s.red(l) : l)));
    const printed = new Set<string>();
    for (const sc of r.scenarios)
      for (const p of sc.paths) {
        if (printed.has(pathKey(p))) continue;
        printed.add(pathKey(p));
        lines.push(...pathHops(p, `hops, ${sc.scenario}`, s));
      }
    lines.push("");
  }
  lines.push(verdict(results, s));
  return lines.join("\n");
}

/**
 * The results as `lz routes --format json` prints them: every path of every scenario, with its hops when it
 * fails or when `hops` is set (a passing path otherwise keeps its endpoints and what it crossed).
 */
export function intentResultsJson(results: readonly IntentResult[], hops: boolean): unknown[] {
  const brief = (t: Trace) => ({ reached: t.reached, waypoints: t.waypoints, firewallEndpoints: t.firewallEndpoints });
  return results.map((r) => ({
    ...r,
    scenarios: r.scenarios.map(({ forward: _f, back: _b, ...sc }) => ({
      ...sc,
      paths: sc.paths.map((p) =>
        hops || !p.ok ? p : { from: p.from, to: p.to, ok: p.ok, forward: brief(p.forward), ...(p.back ? { back: brief(p.back) } : {}) },
      ),
    })),
  }));
}

/** Effective routes of every TGW route table and every VPC route table (normal state). */
export function renderRouteTables(plan: RoutingPlan): string {
  const net = new Network(plan);
  const lines: string[] = ["Transit gateway route tables (effective routes; static beats propagated for the same prefix):"];
  for (const t of plan.tables) {
    lines.push(`  ${t.name}  (associated: ${t.associations.join(", ") || "none"}; propagations: ${t.propagations.join(", ") || "none"})`);
    const routes = net.effectiveTgwRoutes(t).map((r) => [r.destination, r.origin, r.target]);
    lines.push(...(routes.length > 0 ? table([["destination", "origin", "target"], ...routes]) : ["    (no routes)"]));
  }
  lines.push("", "VPC route tables (per tier and AZ; igw-edge: the internet gateway's edge route table):");
  const rows = (routes: readonly VpcRoute[]) =>
    table(
      routes.map((r) => [
        r.destination,
        r.target.kind === "nat-gateway" || r.target.kind === "firewall-endpoint"
          ? `${r.target.kind} az-${"abc"[r.target.az]}`
          : r.target.kind,
      ]),
    );
  for (const v of plan.vpcs) {
    for (const [tier, perAz] of Object.entries(v.routeTables)) {
      perAz!.forEach((routes, az) => {
        lines.push(`  ${v.name}/${tier}/az-${"abc"[az]}`);
        lines.push(...rows(routes));
      });
    }
    if (v.gatewayRoutes)
      lines.push(`  ${v.name}/igw-edge`, ...rows([{ destination: v.cidr, target: { kind: "local" } }, ...v.gatewayRoutes]));
  }
  return lines.join("\n");
}
