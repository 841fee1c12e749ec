/**
 * Renders a {@link PlanGuardReport} for people: plain text for terminals and CI logs, or GitHub-flavoured
 * markdown for `$GITHUB_STEP_SUMMARY` and pull-request comments. The output depends only on the report,
 * whose lists are already sorted by address.
 */
import type { PlanGuardFinding, PlanGuardReport } from "./evaluate.js";

/** Options of {@link renderReport}. */
export interface RenderOptions {
  /** `true` for GitHub-flavoured markdown, `false` for plain text. */
  readonly markdown: boolean;
}

/** Heads the list of resources imported with an in-place update (allowed, shown for the reviewer). */
const IMPORT_UPDATE_NOTE =
  "Imported and updated in place (allowed: the apply changes the existing resource to match the config; check the plan's diff for each):";

/** Where exceptions are written, for the closing hint. */
const ALLOW_HINT =
  "To allow a delete or replace on purpose, add an entry under `planGuard.allow` in environments/shared.yaml with stack, address, actions (delete and/or replace) and a reason of at least 10 characters.";

/**
 * The report as text: a verdict line, the change counts, the blocked findings (address, action, what
 * causes it, why the type is guarded), the allowed ones with their reasons, the unused allow entries, and
 * a closing hint on how to allow a change (with a ready-to-paste YAML entry when something is blocked).
 *
 * Ends with a newline. Never throws.
 */
export function renderReport(report: PlanGuardReport, options: RenderOptions): string {
  return options.markdown ? renderMarkdown(report) : renderText(report);
}

/**
 * Why Terraform plans the change, in words: `engine forces replacement`, `removed from the configuration`.
 * Falls back to the raw `action_reason`, or "" when the plan gives none.
 */
export function describeCause(finding: PlanGuardFinding, code: (s: string) => string = (s) => s): string {
  const paths = finding.replacePaths ?? [];
  const forced = paths.length > 0 ? `${paths.map(code).join(", ")} ${paths.length === 1 ? "forces" : "force"} replacement` : "";
  const reason = finding.actionReason;
  let text: string;
  switch (reason) {
    case "replace_because_cannot_update":
      text = forced || "an attribute that cannot change in place changed";
      break;
    case "replace_because_tainted":
      text = "tainted: an earlier apply failed part-way, or someone ran terraform taint";
      break;
    case "replace_by_request":
      text = "replacement requested with -replace";
      break;
    case "replace_by_triggers":
      text = "a reference in its replace_triggered_by changed";
      break;
    case "delete_because_no_resource_config":
      text = "removed from the configuration (if a construct id was renamed, add a moved block instead)";
      break;
    case "delete_because_no_module":
      text = "its module is no longer in the configuration";
      break;
    case "delete_because_wrong_repetition":
      text = "count or for_each was added or removed";
      break;
    case "delete_because_count_index":
      text = "its count index is beyond the new count";
      break;
    case "delete_because_each_key":
      text = "its for_each key is no longer in the map";
      break;
    case "delete_because_no_move_target":
      text = "a moved block points at an address that is not in the configuration";
      break;
    case undefined:
      text = forced;
      break;
    default:
      text = [reason, forced].filter(Boolean).join("; ");
  }
  if (finding.deposed !== undefined) {
    text = [`deposed object ${finding.deposed}, left by an interrupted create-before-destroy`, text].filter(Boolean).join("; ");
  }
  return text;
}

function verdict(report: PlanGuardReport): string {
  const adopted = [...report.blocked, ...report.allowed].some((f) => f.importId !== undefined);
  const what = adopted ? "stateful or adopted resource" : "stateful resource";
  const changes = (n: number): string => (n === 1 ? `1 delete or replace of a ${what}` : `${n} deletes or replaces of ${what}s`);
  if (report.blocked.length > 0) return `${changes(report.blocked.length)} blocked`;
  if (report.allowed.length > 0) return `${changes(report.allowed.length)} allowed`;
  return "no stateful resource is deleted or replaced";
}

/** Count columns; `import`, `read` and `forget` only when non-zero, as they are rare. */
function countColumns(report: PlanGuardReport): [string, number][] {
  const c = report.counts;
  const columns: [string, number][] = [
    ...(report.imports ? [["import", report.imports.count] as [string, number]] : []),
    ["create", c.create],
    ["update", c.update],
    ["replace", c.replace],
    ["delete", c.delete],
  ];
  if (c.forget > 0) columns.push(["forget", c.forget]);
  if (c.read > 0) columns.push(["read", c.read]);
  columns.push(["no-op", c.noOp]);
  return columns;
}

/** A YAML entry that would allow the first blocked finding, for pasting into shared.yaml. */
function exampleEntry(report: PlanGuardReport): string[] {
  const first = report.blocked[0];
  if (!first) return [];
  return [
    "planGuard:",
    "  allow:",
    `    - stack: ${report.stack}`,
    `      address: ${yamlScalar(first.address)}`,
    `      actions: [${first.action}]`,
    "      reason: <why losing this resource's data is acceptable>",
  ];
}

/** Quotes a YAML scalar only when it needs it (for_each keys bring quotes and brackets). */
function yamlScalar(s: string): string {
  return /^[A-Za-z0-9_.-]+$/.test(s) ? s : `'${s.replace(/'/g, "''")}'`;
}

function renderText(report: PlanGuardReport): string {
  const lines: string[] = [];
  lines.push(`plan guard ${report.stack}: ${report.ok ? "OK" : "BLOCKED"}, ${verdict(report)}`);
  lines.push(
    `changes: ${countColumns(report)
      .map(([name, n]) => `${n} ${name}`)
      .join(", ")}`,
  );
  const finding = (f: PlanGuardFinding): string[] => {
    const cause = describeCause(f);
    return [
      `  ${f.action} ${f.address}`,
      ...(f.importId !== undefined ? [`    adopted: imported from ${f.importId}`] : []),
      ...(cause ? [`    cause: ${cause}`] : []),
      `    guarded: ${f.why}`,
    ];
  };
  if (report.blocked.length > 0) {
    lines.push("", "blocked:");
    for (const f of report.blocked) lines.push(...finding(f));
  }
  if (report.allowed.length > 0) {
    lines.push("", "allowed:");
    for (const f of report.allowed) lines.push(...finding(f), `    allowed: ${oneLine(f.allowReason)}`);
  }
  if (report.imports && report.imports.updated.length > 0) {
    lines.push("", IMPORT_UPDATE_NOTE);
    for (const address of report.imports.updated) lines.push(`  update ${address}`);
  }
  if (report.unusedAllowEntries.length > 0) {
    lines.push("", "unused allow entries (they match no delete or replace of a stateful resource in this plan; remove them when stale):");
    for (const e of report.unusedAllowEntries) lines.push(`  ${e.actions.join(", ")} ${e.address}: ${oneLine(e.reason)}`);
  }
  lines.push("", ALLOW_HINT.replace(/`/g, ""));
  const example = exampleEntry(report);
  if (example.length > 0) lines.push("For example:", ...example.map((l) => `  ${l}`));
  return `${lines.join("\n")}\n`;
}

function renderMarkdown(report: PlanGuardReport): string {
  const lines: string[] = [];
  lines.push(`### ${report.ok ? "✅" : "⛔"} Plan guard \`${report.stack}\`: ${verdict(report)}`, "");
  const columns = countColumns(report);
  lines.push(
    `| ${columns.map(([name]) => name).join(" | ")} |`,
    `| ${columns.map(() => "---:").join(" | ")} |`,
    `| ${columns.map(([, n]) => String(n)).join(" | ")} |`,
  );
  const row = (f: PlanGuardFinding, last: string): string => {
    const cause = [f.importId !== undefined ? `imported from ${code(f.importId)}` : "", describeCause(f, code)].filter(Boolean).join("; ");
    return `| ${cell(code(f.address))} | ${f.action} | ${cell(cause) || "—"} | ${cell(last)} |`;
  };
  if (report.blocked.length > 0) {
    lines.push("", "#### Blocked", "", "| address | action | cause | why it is guarded |", "| --- | --- | --- | --- |");
    for (const f of report.blocked) lines.push(row(f, sentence(f.why)));
  }
  if (report.allowed.length > 0) {
    lines.push("", "#### Allowed", "", "| address | action | cause | allowed because |", "| --- | --- | --- | --- |");
    for (const f of report.allowed) lines.push(row(f, f.allowReason));
  }
  if (report.imports && report.imports.updated.length > 0) {
    lines.push("", "#### Imported and updated", "", IMPORT_UPDATE_NOTE, "");
    for (const address of report.imports.updated) lines.push(`- ${code(address)}`);
  }
  if (report.unusedAllowEntries.length > 0) {
    lines.push(
      "",
      "#### Unused allow entries",
      "",
      "These match no delete or replace of a stateful resource in this plan. Remove them once the change they allowed has been applied.",
      "",
    );
    for (const e of report.unusedAllowEntries) lines.push(`- ${code(e.address)} (${e.actions.join(", ")}): ${oneLine(e.reason)}`);
  }
  lines.push("", ALLOW_HINT);
  const example = exampleEntry(report);
  if (example.length > 0) lines.push("", "```yaml", ...example, "```");
  return `${lines.join("\n")}\n`;
}

/** "holds the files" → "Holds the files." */
function sentence(s: string): string {
  const t = oneLine(s);
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${t.endsWith(".") ? "" : "."}`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Text safe inside a markdown table cell. */
function cell(s: string): string {
  return oneLine(s).replace(/\|/g, "\\|");
}

/** An inline code span that survives backticks in the text (pipes are escaped by {@link cell}). */
function code(s: string): string {
  const fence = s.includes("`") ? "``" : "`";
  const padded = s.startsWith("`") || s.endsWith("`") ? ` ${s} ` : s;
  return `${fence}${padded}${fence}`;
}
