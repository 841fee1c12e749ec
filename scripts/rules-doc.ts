/** Writes docs/rules.md from the policy pack: `npx tsx scripts/rules-doc.ts`. */
import { mkdirSync, writeFileSync } from "node:fs";
import { renderRulesMarkdown } from "../src/policy/docs.js";

mkdirSync("docs", { recursive: true });
writeFileSync("docs/rules.md", renderRulesMarkdown());
process.stdout.write("wrote docs/rules.md\n");
