/**
 * The organization's guardrail policies, each in its own file with its reason and AWS source, built from typed
 * statements (statement.ts). {@link guardrailPolicies} is what both the organization stack (the
 * `aws_organizations_policy` contents) and `lz validate` (the 5,120-character quota) call, so the size checked is
 * the size sent. Pure: no cdktf.
 */
import { denyLeaveOrganization } from "./deny-leave-organization.js";
import { denyRootUser } from "./deny-root-user.js";
import { protectLandingZone, type ProtectLandingZoneProps } from "./protect-landing-zone.js";
import { regionAllowList } from "./region-allow-list.js";
import { scpJson, type BuiltPolicy, type ScpStatement } from "./statement.js";

export { denyLeaveOrganization, denyLeaveOrganizationStatements } from "./deny-leave-organization.js";
export { denyRootUser, denyRootUserStatements } from "./deny-root-user.js";
export {
  BUCKET_CHANGE_ACTIONS,
  KEY_CHANGE_ACTIONS,
  POLICY_AND_PROVIDER_ACTIONS,
  protectLandingZone,
  protectLandingZoneStatements,
  ROLE_CHANGE_ACTIONS,
  SECURITY_SERVICE_ACTIONS,
  type ProtectLandingZoneProps,
} from "./protect-landing-zone.js";
export { GLOBAL_SERVICE_ACTIONS, regionAllowList, regionAllowListStatements, type RegionAllowListProps } from "./region-allow-list.js";
export {
  FULL_AWS_ACCESS,
  MAX_SCPS_PER_TARGET,
  SCP_MAX_CHARACTERS,
  scpJson,
  type BuiltPolicy,
  type ScpStatement,
} from "./statement.js";
export { TAG_POLICY_MAX_CHARACTERS, tagPolicy } from "./tag-policy.js";

/** Everything the guardrail SCPs are built from (the organization model's `guardrails`). */
export interface GuardrailInputs extends Omit<ProtectLandingZoneProps, "exemptRoleArnPatterns"> {
  /** Organization name: every policy is named `<organizationName>-<key>`. */
  readonly organizationName: string;
  /** Name of the pipeline's deploy role (exempt from `protectLandingZone`). */
  readonly deployRoleName: string;
  /** Name of the break-glass administrator role in every account (exempt from every guardrail but the root deny). */
  readonly adminRoleName: string;
  /** Regions the Region allow-list leaves open. */
  readonly allowedRegions: readonly string[];
  /** The config's own SCPs (`serviceControlPolicies.additional`), in config order. */
  readonly additional: readonly { readonly name: string; readonly description: string; readonly statements: readonly ScpStatement[] }[];
}

/** Config keys of the built-in guardrails, in the order they are built. */
export const GUARDRAIL_KEYS = ["denyLeaveOrganization", "protectLandingZone", "denyRootUser", "regionAllowList"] as const;

/**
 * Every SCP of the organization: the four guardrails (keys {@link GUARDRAIL_KEYS}), then each additional SCP
 * (key `additional.<name>`), with their names and minified documents.
 * @throws Error from a builder when an input a valid config never has is empty.
 */
export function guardrailPolicies(inputs: GuardrailInputs): BuiltPolicy[] {
  const p = inputs.partition ?? "aws";
  const role = (name: string) => `arn:${p}:iam::*:role/${name}`;
  const admin = role(inputs.adminRoleName);
  const name = (key: string) => `${inputs.organizationName}-${key}`;
  return [
    {
      key: "denyLeaveOrganization",
      name: name("deny-leave-organization"),
      description: "Member accounts cannot leave the organization (organizations:LeaveOrganization).",
      content: denyLeaveOrganization(),
    },
    {
      key: "protectLandingZone",
      name: name("protect-landing-zone"),
      description:
        "CloudTrail, Config, GuardDuty, Security Hub, Access Analyzer and the landing zone's roles, buckets and keys are changed only by the landing-zone roles.",
      content: protectLandingZone({ ...inputs, partition: p, exemptRoleArnPatterns: [...new Set([role(inputs.deployRoleName), admin])] }),
    },
    {
      key: "denyRootUser",
      name: name("deny-root-user"),
      description: "The root user of a member account can do nothing.",
      content: denyRootUser(p),
    },
    {
      key: "regionAllowList",
      name: name("region-allow-list"),
      description: `Requests outside ${inputs.allowedRegions.join(", ")} are denied, except for global services.`,
      content: regionAllowList({ allowedRegions: inputs.allowedRegions, exemptRoleArnPatterns: [admin] }),
    },
    ...inputs.additional.map((a) => ({
      key: `additional.${a.name}`,
      name: name(a.name),
      description: a.description,
      content: scpJson(a.statements),
    })),
  ];
}
