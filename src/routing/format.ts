/**
 * Text rendering of verifier results and of effective route tables, for `lz routes`.
 */
import type { RoutingPlan, VpcRoute } from "./plan.js";
import { Network, type Hop, type Trace } from "./trace.js";
import { describeExpectation, type IntentResult, type ScenarioResult } from "./verify.js";

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

const outcome = (s: ScenarioResult) => {
  if (!s.applicable) return `n/a (${s.note})`;
  if (!s.forward?.reached) return "denied";
  if (s.back && !s.back.reached) return "denied (no return path)";
  return s.forward.waypoints.length > 0 ? `via ${s.forward.waypoints.join(", ")}` : "direct";
};
const hopsKey = (s: ScenarioResult) => JSON.stringify([s.forward?.hops, s.back?.hops]);

/**
 * The report of `lz routes`: per intent, one row per scenario (expected, actual, ✔/✘), then the hop tables of
 * the normal state and of every scenario whose path differs from it, and of every violated scenario.
 */
export function renderIntentReport(results: readonly IntentResult[], s: RouteStyle = plain): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.ok ? s.green("✔") : s.red("✘")} ${s.bold(r.intent.name)}  ${r.intent.from} → ${r.intent.to}`);
    const rows = [["scenario", "expected", "actual", ""]];
    for (const sc of r.scenarios) rows.push([sc.scenario, describeExpectation(sc.expected), outcome(sc), sc.ok ? "ok" : "VIOLATED"]);
    lines.push(...table(rows).map((l) => (l.endsWith("VIOLATED") ? s.red(l) : l)));
    const normal = r.scenarios[0]!;
    for (const sc of r.scenarios) {
      if (!sc.applicable || !sc.forward) continue;
      if (sc !== normal && sc.ok && hopsKey(sc) === hopsKey(normal)) continue;
      lines.push(`    hops, ${sc.scenario}:`);
      lines.push(...hopTable(sc.forward));
      if (sc.back) {
        lines.push(`    return path, ${sc.scenario}:`);
        lines.push(...hopTable(sc.back));
      }
      if (sc.problem) lines.push(s.red(`    ✘ ${sc.problem}`));
    }
    lines.push("");
  }
  const bad = results.filter((r) => !r.ok).length;
  lines.push(
    bad === 0
      ? s.green(`All ${results.length} intents hold in the normal state and under every failure.`)
      : s.red(`${bad} of ${results.length} intents violated.`),
  );
  return lines.join("\n");
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
