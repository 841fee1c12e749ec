/**
 * The organization's policies (`awsOrganizations.serviceControlPolicies`, `tagPolicy`) within AWS Organizations'
 * quotas, checked on the documents the organization stack sends: the same builders
 * (src/modules/organization/scps, pure) run here on the same inputs (../model-scps.ts).
 * - every OU a policy is attached to is listed in `organizationalUnits`;
 * - at most 5 SCPs attached directly to an OU, AWS's FullAWSAccess included (it stays attached);
 * - at most 5,120 characters per SCP (the minified JSON, which the API stores as sent) and 10,000 per tag policy;
 * - the Region allow-list keeps every Region the landing zone deploys to open (else its own applies are denied);
 * - tag keys differ in more than case (a tag policy declares each key once, case-insensitively).
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 */
import {
  FULL_AWS_ACCESS,
  guardrailPolicies,
  MAX_SCPS_PER_TARGET,
  SCP_MAX_CHARACTERS,
  TAG_POLICY_MAX_CHARACTERS,
  tagPolicy,
} from "../../modules/organization/scps/index.js";
import { AWS_REGIONS } from "../aws-regions.js";
import { organizationPoliciesOf } from "../model-scps.js";
import type { Problem } from "../problems.js";
import type { Validator } from "./context.js";

/** @see Validator */
export const validateServiceControlPolicies: Validator = (config) => {
  const { shared, environments } = config;
  const settings = shared.value.organization.awsOrganizations;
  if (!settings) return [];
  const problems: Problem[] = [];
  const base = ["organization", "awsOrganizations"];
  const scpBase = [...base, "serviceControlPolicies"];
  const ous = settings.organizationalUnits;
  const partition = AWS_REGIONS[shared.value.organization.homeRegion]?.partition ?? "aws";
  const policies = organizationPoliciesOf(
    shared.value,
    environments.map((e) => e.value),
    partition,
  );
  if (!policies) return [];
  const scps = settings.serviceControlPolicies;

  // Where each attachment list is written, to point at it.
  const attachPath = (key: string): (string | number)[] => {
    if (key.startsWith("additional.")) {
      const i = (scps?.additional ?? []).findIndex((a) => `additional.${a.name}` === key);
      return [...scpBase, "additional", i, "attach"];
    }
    const explicit = (scps?.attach as Record<string, unknown> | undefined)?.[key] !== undefined;
    return explicit ? [...scpBase, "attach", key] : base;
  };
  const unknownOu = (list: readonly string[] | undefined, path: (string | number)[]) => {
    for (const [i, ou] of (list ?? []).entries())
      if (!ous.includes(ou))
        problems.push(
          shared.source.problem(
            [...path, i],
            `OU ${ou} is not in organization.awsOrganizations.organizationalUnits. Write one of ${ous.join(", ")}, or add it there.`,
          ),
        );
  };
  const attach = scps?.attach;
  for (const key of ["denyLeaveOrganization", "protectLandingZone", "denyRootUser", "regionAllowList"] as const)
    unknownOu(attach?.[key], [...scpBase, "attach", key]);
  for (const [i, a] of (scps?.additional ?? []).entries()) unknownOu(a.attach, [...scpBase, "additional", i, "attach"]);
  unknownOu(settings.tagPolicy?.attach, [...base, "tagPolicy", "attach"]);

  const names = new Set<string>();
  (scps?.additional ?? []).forEach((a, i) => {
    const guardrail = ["deny-leave-organization", "protect-landing-zone", "deny-root-user", "region-allow-list", "tag-policy"];
    if (names.has(a.name) || guardrail.includes(a.name))
      problems.push(
        shared.source.problem(
          [...scpBase, "additional", i, "name"],
          `the policy name ${shared.value.organization.name}-${a.name} is already taken. Choose another name.`,
        ),
      );
    names.add(a.name);
  });

  // 5 SCPs per OU, FullAWSAccess included.
  const perOu = new Map<string, string[]>();
  for (const [key, targets] of Object.entries(policies.attachments))
    for (const ou of targets) perOu.set(ou, [...(perOu.get(ou) ?? []), key]);
  ous.forEach((ou, i) => {
    const keys = perOu.get(ou) ?? [];
    if (keys.length + 1 > MAX_SCPS_PER_TARGET)
      problems.push(
        shared.source.problem(
          [...base, "organizationalUnits", i],
          `OU ${ou} would carry ${keys.length + 1} SCPs (${[FULL_AWS_ACCESS, ...keys].join(", ")}); AWS Organizations attaches at most ${MAX_SCPS_PER_TARGET} to an OU, ${FULL_AWS_ACCESS} included. Remove ${ou} from the attach list of ${keys.length + 1 - MAX_SCPS_PER_TARGET} of them (serviceControlPolicies.attach, additional[].attach), or attach them to a parent OU: SCPs are inherited.`,
        ),
      );
  });

  // 5,120 characters per SCP.
  for (const p of guardrailPolicies(policies.guardrails)) {
    if (p.content.length <= SCP_MAX_CHARACTERS) continue;
    const fix = p.key.startsWith("additional.")
      ? "Split its statements into two SCPs, or use wildcards (ec2:Delete*) for lists of actions."
      : p.key === "regionAllowList"
        ? "List fewer Regions in serviceControlPolicies.allowedRegions."
        : "Shorten the names it protects (organization.name, the role names), or detach nothing: this SCP cannot be split by config.";
    const path =
      p.key === "regionAllowList" && scps?.allowedRegions
        ? [...scpBase, "allowedRegions"]
        : p.key.startsWith("additional.")
          ? attachPath(p.key).slice(0, -1).concat("statements")
          : base;
    problems.push(
      shared.source.problem(
        path,
        `the SCP ${p.name} is ${p.content.length} characters (minified JSON); AWS Organizations accepts at most ${SCP_MAX_CHARACTERS}. ${fix}`,
      ),
    );
  }

  // The allow-list names real Regions, each once, and leaves the landing zone's own Regions open.
  for (const [i, region] of (scps?.allowedRegions ?? []).entries()) {
    if (!AWS_REGIONS[region])
      problems.push(
        shared.source.problem(
          [...scpBase, "allowedRegions", i],
          `"${region}" is not an AWS Region. Write a Region code such as eu-west-1.`,
        ),
      );
    else if (scps?.allowedRegions?.indexOf(region) !== i)
      problems.push(shared.source.problem([...scpBase, "allowedRegions", i], `${region} is listed twice. List it once.`));
  }
  if (scps?.allowedRegions) {
    const org = shared.value.organization;
    const used = [
      ...new Set([org.homeRegion, org.state.region, shared.value.networkHub.region, ...environments.map((e) => e.value.region)]),
    ];
    const missing = used.filter((r) => !scps.allowedRegions?.includes(r));
    if (missing.length > 0)
      problems.push(
        shared.source.problem(
          [...scpBase, "allowedRegions"],
          `the landing zone deploys to ${missing.join(", ")}, which the Region allow-list would deny. Add ${missing.join(", ")} to allowedRegions.`,
        ),
      );
  }

  // Tag policy: unique keys ignoring case, and its size.
  const tags = settings.tagPolicy;
  if (tags) {
    const seen = new Map<string, string>();
    let unique = true;
    tags.tagKeys.forEach((key, i) => {
      const other = seen.get(key.toLowerCase());
      if (other !== undefined) {
        unique = false;
        problems.push(
          shared.source.problem(
            [...base, "tagPolicy", "tagKeys", i],
            `tag key ${key} differs from ${other} only in case; a tag policy declares each key once, with one capitalization. Keep one of them.`,
          ),
        );
      }
      seen.set(key.toLowerCase(), key);
    });
    const size = unique ? tagPolicy(tags.tagKeys).length : 0;
    if (size > TAG_POLICY_MAX_CHARACTERS)
      problems.push(
        shared.source.problem(
          [...base, "tagPolicy", "tagKeys"],
          `the tag policy is ${size} characters; AWS Organizations accepts at most ${TAG_POLICY_MAX_CHARACTERS}. Declare fewer tag keys.`,
        ),
      );
  }
  return problems;
};
