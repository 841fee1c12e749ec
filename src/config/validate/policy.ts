/**
 * Policy-pack suppressions and baseline settings: every suppression names a rule of the pack (with a
 * "did you mean"), no rule/address pair is suppressed twice in one file, and the log-archive lifecycle
 * is ordered (objects expire after their Object Lock retention and after moving to Glacier).
 */
import { RULE_IDS } from "../../policy/pack.js";
import { closest, type Problem } from "../problems.js";
import type { SourceFile } from "../source.js";
import type { Validator } from "./context.js";

function checkSuppressions(
  source: SourceFile,
  base: readonly (string | number)[],
  list: readonly { rule: string; address?: string | undefined }[],
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  list.forEach((s, i) => {
    const path = [...base, i];
    if (!RULE_IDS.includes(s.rule)) {
      const guess = closest(s.rule, RULE_IDS);
      problems.push(
        source.problem(
          [...path, "rule"],
          `no policy rule "${s.rule}". ${guess ? `Did you mean ${guess}? ` : ""}Write a rule id from docs/rules.md.`,
        ),
      );
    }
    const key = `${s.rule} ${s.address ?? "*"}`;
    if (seen.has(key))
      problems.push(
        source.problem(
          [...path, "rule"],
          `${s.rule}${s.address ? ` for ${s.address}` : ""} is already suppressed above. Keep one entry, with one reason.`,
        ),
      );
    seen.add(key);
  });
  return problems;
}

/** @see Validator */
export const validatePolicy: Validator = (config) => {
  const { shared, environments } = config;
  const problems = [
    ...checkSuppressions(shared.source, ["networkHub", "policy", "suppressions"], shared.value.networkHub.policy.suppressions),
    ...environments.flatMap((e) => checkSuppressions(e.source, ["policy", "suppressions"], e.value.policy.suppressions)),
  ];
  const archive = shared.value.baseline.logArchive;
  if (archive.expireDays <= Math.max(archive.objectLockDays, archive.glacierDays)) {
    problems.push(
      shared.source.problem(
        ["baseline", "logArchive", "expireDays"],
        `${archive.expireDays} days is not after objectLockDays (${archive.objectLockDays}) and glacierDays (${archive.glacierDays}). Write a larger value, for example ${Math.max(archive.objectLockDays, archive.glacierDays) + 365}.`,
      ),
    );
  }
  if (archive.glacierDays < archive.infrequentAccessDays + 30) {
    problems.push(
      shared.source.problem(
        ["baseline", "logArchive", "glacierDays"],
        `S3 needs 30 days in STANDARD_IA before GLACIER: write at least ${archive.infrequentAccessDays + 30}.`,
      ),
    );
  }
  return problems;
};
