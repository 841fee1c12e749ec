/** The text form of a {@link CostReport}: one table per account, the organization's total, the comparison, the assumptions. */
import type { CostAssumptionsFile } from "../config/index.js";
import { defaultCostAssumptions } from "./adapters/model.js";
import type { AccountEstimate, CostReport } from "./estimate.js";
import { fmt } from "./line.js";

/** Styles the text form uses; identity functions print plain text. */
export interface CostStyle {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
}

const PLAIN: CostStyle = { bold: (t) => t, dim: (t) => t };

/** `1,234.50`: USD with cents and thousands separators. */
export const usd = (value: number): string => value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The report as text, ending with a newline. */
export function renderCostText(report: CostReport, style: CostStyle = PLAIN): string {
  const out: string[] = [];
  out.push(style.bold("Monthly cost estimate, USD"));
  for (const t of report.priceTables) {
    out.push(
      style.dim(
        `Prices: list prices as noted in src/cost/prices/${t.region}.ts (written down ${t.retrievedOn}: ${t.basis}), not checked against the AWS Price List API; verify before quoting.`,
      ),
    );
  }
  out.push("");
  for (const account of report.accounts) out.push(...accountTable(account, style), "");
  const n = report.accounts.length;
  const unpricedLines = report.accounts.reduce((k, a) => k + a.lines.filter((l) => l.unpriced).length, 0);
  const excluding = unpricedLines > 0 ? `, excluding ${unpricedLines} unpriced line${unpricedLines === 1 ? "" : "s"}` : "";
  out.push(style.bold(`Total: ${usd(report.totalMonthlyUsd)} USD/month for ${n} account${n === 1 ? "" : "s"}${excluding}`), "");
  if (report.unpriced.length > 0) {
    out.push(style.bold("Unpriced (0 in every total):"), ...report.unpriced.map((s) => `  - ${s}`), "");
  }
  if (report.comparison) out.push(...comparison(report.comparison, style), "");
  out.push(...assumptions(report.accounts, style), "");
  out.push(style.bold("Not included:"), ...report.notIncluded.map((s) => `  - ${s}`));
  return `${out.join("\n")}\n`;
}

function accountTable(a: AccountEstimate, style: CostStyle): string[] {
  const where = [a.stackName, `account ${a.accountId}`, a.region, ...(a.segment ? [`segment ${a.segment}`] : [])].join(", ");
  const rows = a.lines.map((l) => [l.component, l.driver, l.unpriced ? "unpriced" : usd(l.monthlyUsd)] as const);
  const unpriced = a.lines.filter((l) => l.unpriced).length;
  const w0 = Math.max("Component".length, "Total".length, ...rows.map((r) => r[0].length));
  const w1 = Math.max("Driver".length, ...rows.map((r) => r[1].length));
  const w2 = Math.max("USD/month".length, usd(a.totalMonthlyUsd).length, ...rows.map((r) => r[2].length));
  const row = (c: string, d: string, m: string) => `  ${c.padEnd(w0)}  ${d.padEnd(w1)}  ${m.padStart(w2)}`.trimEnd();
  return [
    `${style.bold(a.name)}  ${style.dim(`(${where})`)}`,
    style.dim(row("Component", "Driver", "USD/month")),
    ...rows.map((r) => row(...r)),
    style.bold(row("Total", unpriced > 0 ? `excluding ${unpriced} unpriced line${unpriced === 1 ? "" : "s"}` : "", usd(a.totalMonthlyUsd))),
  ];
}

function comparison(c: NonNullable<CostReport["comparison"]>, style: CostStyle): string[] {
  const width = Math.max(...c.environments.map((e) => e.name.length));
  const totalWidth = Math.max(...c.environments.map((e) => usd(e.totalMonthlyUsd).length));
  const out = [style.bold(`Comparison of the environments, against ${c.cheapest} (the cheapest):`)];
  for (const e of c.environments) {
    const delta = e.name === c.cheapest ? "" : `  +${usd(e.deltaMonthlyUsd)}`;
    out.push(`  ${e.name.padEnd(width)}  ${usd(e.totalMonthlyUsd).padStart(totalWidth)}${delta}`);
  }
  for (const e of c.environments) {
    if (e.name === c.cheapest || e.costsMore.length === 0) continue;
    out.push(`  ${style.bold(e.name)} costs ${usd(e.deltaMonthlyUsd)} more than ${c.cheapest}:`);
    const w = Math.max(...e.costsMore.map((d) => usd(d.deltaMonthlyUsd).length));
    for (const d of e.costsMore) {
      out.push(
        `    +${usd(d.deltaMonthlyUsd).padStart(w)}  ${d.component}: ${d.driver}  ${style.dim(`(${c.cheapest}: ${d.cheapestDriver})`)}`,
      );
    }
  }
  return out;
}

function assumptions(accounts: readonly AccountEstimate[], style: CostStyle): string[] {
  const defaults = defaultCostAssumptions();
  const keys = Object.keys(defaults) as (keyof CostAssumptionsFile)[];
  const width = Math.max(...keys.map((k) => k.length));
  const out = [style.bold("Assumptions per account and month (costAssumptions in each environment file; the hub uses the defaults):")];
  for (const k of keys) {
    const differing = accounts.filter((a) => a.assumptions[k] !== defaults[k]).map((a) => `${a.name}: ${fmt(a.assumptions[k])}`);
    out.push(`  ${k.padEnd(width)}  ${fmt(defaults[k])}${differing.length > 0 ? `  (${differing.join(", ")})` : ""}`);
  }
  return out;
}
