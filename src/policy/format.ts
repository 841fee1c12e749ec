/** How policy findings are printed, and the error that stops synthesis on error-level findings. */
import type { Finding, PolicyReport } from "./types.js";

/** Findings as aligned rows: `  stack  address  rule-id  message`. */
export function renderFindings(findings: readonly Finding[]): string[] {
  const w = (f: (x: Finding) => string) => Math.max(0, ...findings.map((x) => f(x).length));
  const [sw, aw, rw] = [w((f) => f.stack), w((f) => f.address), w((f) => f.ruleId)];
  return findings.map((f) => `  ${f.stack.padEnd(sw)}  ${f.address.padEnd(aw)}  ${f.ruleId.padEnd(rw)}  ${f.message}`);
}

/** One line for the synth summary: rules run, errors, warnings, suppressions. */
export function policySummaryLine(report: PolicyReport): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  return `Policy pack: ${n(report.rulesRun, "rule")} on ${n(report.stacks, "stack")}, ${n(report.errors.length, "error")}, ${n(report.warnings.length, "warning")}, ${n(report.suppressed.length, "suppressed finding")}`;
}

/** The suppressed findings, each with its reason, for the synth summary. Empty when there are none. */
export function renderSuppressed(report: PolicyReport): string[] {
  if (report.suppressed.length === 0) return [];
  return ["Suppressed (from the config):", ...report.suppressed.map((f) => `  ${f.stack}  ${f.address}  ${f.ruleId}  reason: ${f.reason}`)];
}

/** The warnings, for stderr. Empty when there are none. */
export function renderWarnings(report: PolicyReport): string[] {
  if (report.warnings.length === 0) return [];
  return [`policy pack: ${report.warnings.length} warning${report.warnings.length === 1 ? "" : "s"}:`, ...renderFindings(report.warnings)];
}

/**
 * Thrown by synthesis when the policy pack reports error-level findings; nothing has been written.
 * `message` is the full report: a header, one aligned row per finding, and how to fix or suppress.
 */
export class PolicyError extends Error {
  readonly report: PolicyReport;

  constructor(report: PolicyReport) {
    const n = report.errors.length;
    super(
      [
        `policy pack found ${n} error${n === 1 ? "" : "s"} (stack, resource, rule, message):`,
        ...renderFindings(report.errors),
        "Fix the resources, or accept a finding with a policy.suppressions entry (rule, reason) in the environment's config file; rules are listed in docs/rules.md.",
      ].join("\n"),
    );
    this.name = "PolicyError";
    this.report = report;
  }
}
