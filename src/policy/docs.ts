/** The rule table of docs/rules.md, generated from the pack so the manual cannot drift from the code. */
import { LANDING_ZONE_PACK } from "./pack.js";
import type { PolicyRule } from "./types.js";

const cell = (s: string) => s.replace(/\|/g, "\\|");

/** docs/rules.md: a header, then one table row per rule (id, level, what, why, source). */
export function renderRulesMarkdown(pack: readonly PolicyRule[] = LANDING_ZONE_PACK): string {
  return [
    "# Policy pack rules",
    "",
    "Every synthesis (`npm run synth`, `cdktf synth`, `lz synth`) runs these rules on every stack's Terraform JSON",
    "(`src/policy/rules/`, one rule per file). An `error` fails synthesis and nothing is written; a `warning` is printed.",
    "To accept a finding, add a suppression with a reason to the account's config file (see docs/policy.md).",
    "This file is generated from `src/policy/pack.ts` (`npx tsx scripts/rules-doc.ts`); a test fails when it is out of date.",
    "",
    "| Id | Level | What it checks | Why | Source |",
    "| --- | --- | --- | --- | --- |",
    ...pack.map((r) => `| ${r.id} | ${r.level} | ${cell(r.title)} | ${cell(r.rationale)} | ${cell(r.sources.join(", "))} |`),
    "",
    "Sources: FSBP = AWS Foundational Security Best Practices control id, CIS = CIS AWS Foundations Benchmark",
    "recommendation, CKV = checkov check id.",
    "",
  ].join("\n");
}
