/**
 * `organization.awsOrganizations:` in shared.yaml, and the `account:` block of the network hub and of each
 * environment file: the AWS Organizations layer of the landing zone (the AWS Security Reference Architecture's
 * account split). Absent, the landing zone lives inside an organization someone else manages: the accounts must
 * exist, no `organization` stack is built, and the log archive stays in the network hub.
 *
 * Cross-field rules (OU paths exist, their parents are listed, account ids and emails are unique, every account is
 * placed) are in src/config/validate/organizations.ts.
 * https://docs.aws.amazon.com/prescriptive-guidance/latest/security-reference-architecture/architecture.html
 */
import { z } from "zod";
import { AccountId, RegionName } from "./common.js";
import { IdentityCenterSettings } from "./identity-center.js";

const OU_PATH_HINT = "Write an OU path such as Workloads/Prod: OU names of letters, digits, spaces, . _ or -, separated by /.";

/**
 * An organizational unit path below the root, `Parent/Child` (for example `Workloads/Prod`). Each OU name is
 * 1-128 characters (AWS allows more characters; these keep paths unambiguous). At most five levels below the
 * root, as AWS Organizations allows.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 */
export const OrganizationalUnitPath = z
  .string({ error: OU_PATH_HINT })
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,127}(\/[A-Za-z0-9][A-Za-z0-9 ._-]{0,127}){0,4}$/, { error: OU_PATH_HINT })
  .meta({ description: "Organizational unit path below the root, for example Workloads/Prod (at most five levels)." });

/**
 * Where an account sits in the organization and how AWS Organizations knows it: `aws_organizations_account`'s
 * `name`, `email` and parent OU. The organization stack imports an account that exists (its `accountId` is known)
 * and creates one that does not.
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateAccount.html
 */
export const OrganizationAccount = z
  .strictObject({
    name: z
      .string()
      .min(1, { error: "Write the account name, for example acme-prod." })
      .max(50, { error: "An AWS account name is at most 50 characters." })
      .meta({ description: "Account name in AWS Organizations (1-50 characters)." }),
    email: z
      .email({ error: "Write the account's root email address, for example aws-prod@acme.example." })
      .min(6, { error: "An account email is 6-64 characters." })
      .max(64, { error: "An account email is 6-64 characters." })
      .meta({ description: "Email address of the account's root user; unique across AWS (6-64 characters)." }),
    organizationalUnit: OrganizationalUnitPath.meta({
      description: "OU path the account belongs to; one of organization.awsOrganizations.organizationalUnits.",
    }),
  })
  .meta({ description: "The account in AWS Organizations: name, root email and OU." });

/**
 * A core account of the SRA layout (log archive, security tooling): its place in the organization, and its id once
 * it exists. Without `accountId` the organization stack creates (vends) the account, and no other stack is
 * synthesized until the id, printed by that stack's outputs, is written here.
 */
export const CoreAccount = OrganizationAccount.extend({
  accountId: AccountId.optional().meta({
    description:
      "12-digit id of the account, quoted. Omit it to have the organization stack create the account; write it here once created (the stack's outputs print it).",
  }),
}).meta({ description: "A core account: adopted (accountId given) or created by the organization stack (accountId omitted)." });

/** The service control policies the organization stack builds (src/modules/organization/scps/), by config key. */
export const SCP_NAMES = ["denyLeaveOrganization", "protectLandingZone", "denyRootUser", "regionAllowList"] as const;
/** One of {@link SCP_NAMES}. */
export type ScpName = (typeof SCP_NAMES)[number];

const OuList = (description: string) => z.array(OrganizationalUnitPath).meta({ description });

const StringOrList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/**
 * One statement of an additional SCP: the IAM policy grammar without `Principal`, with exactly one of `Action` and
 * `NotAction`. https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html
 */
export const ScpStatementSettings = z
  .strictObject({
    Sid: z.string().regex(/^[A-Za-z0-9]+$/, { error: "A Sid is letters and digits only, for example DenyGameLift." }),
    Effect: z.enum(["Allow", "Deny"]),
    Action: StringOrList.optional(),
    NotAction: z.array(z.string().min(1)).min(1).optional(),
    Resource: StringOrList.default("*"),
    Condition: z.record(z.string(), z.record(z.string(), StringOrList)).optional(),
  })
  .refine((s) => (s.Action === undefined) !== (s.NotAction === undefined), {
    error: "Write exactly one of Action and NotAction.",
  })
  .meta({ description: "An SCP statement: Sid, Effect, Action or NotAction, Resource (default *), Condition." });

/** An SCP of the config's own, beside the guardrails. */
export const AdditionalScp = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: "Write a name of lowercase letters, digits and -, for example deny-gamelift." })
      .meta({ description: "Policy name suffix: the SCP is named <organization>-<name>." }),
    description: z.string().min(1).max(512).meta({ description: "What the SCP blocks and why (shown in AWS Organizations)." }),
    statements: z.array(ScpStatementSettings).min(1),
    attach: OuList("OUs the SCP is attached to."),
  })
  .meta({ description: "An additional service control policy: statements and the OUs it is attached to." });

/**
 * `awsOrganizations.serviceControlPolicies`: the Region allow-list and which OUs each guardrail SCP is attached to.
 * Quotas (5 SCPs per OU including FullAWSAccess, 5,120 characters per SCP) are checked in
 * src/config/validate/service-control-policies.ts.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 */
export const ServiceControlPolicySettings = z
  .strictObject({
    allowedRegions: z
      .array(RegionName)
      .min(1, { error: "List at least one Region, for example allowedRegions: [eu-west-1, us-east-1]." })
      .optional()
      .meta({
        description:
          "Regions the regionAllowList SCP leaves open (global services stay exempt). Default: every Region the config uses, plus us-east-1 (CloudFront certificates and WAF).",
      }),
    attach: z
      .strictObject({
        denyLeaveOrganization: OuList(
          "OUs the SCP denying organizations:LeaveOrganization is attached to. Default: every top-level OU.",
        ).optional(),
        protectLandingZone: OuList(
          "OUs the SCP protecting CloudTrail, Config, GuardDuty, Security Hub, Access Analyzer and the landing zone's roles, state and keys is attached to. Default: every top-level OU.",
        ).optional(),
        denyRootUser: OuList("OUs the SCP denying the root user is attached to. Default: every top-level OU.").optional(),
        regionAllowList: OuList(
          "OUs the Region allow-list SCP is attached to. Default: the top-level OUs of the workload environments' accounts.",
        ).optional(),
      })
      .optional()
      .meta({
        description: "Which OUs each SCP is attached to; [] attaches it nowhere. Each OU carries at most 5 SCPs, FullAWSAccess included.",
      }),
    additional: z.array(AdditionalScp).optional().meta({ description: "SCPs of your own, each with the OUs it is attached to." }),
  })
  .meta({ description: "The guardrail service control policies: Region allow-list and attachments." });

/** `awsOrganizations.tagPolicy`: an optional tag policy declaring the tag keys every account uses. */
export const TagPolicySettings = z
  .strictObject({
    tagKeys: z
      .array(z.string().min(1).max(128))
      .min(1, { error: "List at least one tag key, for example tagKeys: [CostCenter, Owner]." })
      .meta({ description: "Tag keys the policy declares, with their capitalization (for example CostCenter)." }),
    attach: OuList("OUs the tag policy is attached to. Default: every top-level OU.").optional(),
  })
  .meta({ description: "A tag policy (TAG_POLICY) declaring the organization's tag keys and their capitalization." });

/** `organization.awsOrganizations`: the management account, the OU tree and the SRA core accounts. */
export const AwsOrganizationsSettings = z
  .strictObject({
    managementAccountId: AccountId.meta({
      description: "The organization's management account, where the organization stack deploys. It runs no workload.",
    }),
    organizationId: z
      .string({ error: "Write the organization id, for example organizationId: o-a1b2c3d4e5 (aws organizations describe-organization)." })
      .regex(/^o-[a-z0-9]{10,32}$/, {
        error: "Write the organization id, for example organizationId: o-a1b2c3d4e5 (aws organizations describe-organization).",
      })
      .meta({
        description:
          "Id of the existing organization, for example o-a1b2c3d4e5 (aws organizations describe-organization), which the organization stack imports: it never creates or deletes the organization. Create it first (console, or aws organizations create-organization --feature-set ALL).",
      }),
    organizationalUnits: z
      .array(OrganizationalUnitPath)
      .min(1, { error: "List at least one OU, for example organizationalUnits: [Security, Infrastructure, Workloads]." })
      .meta({
        description:
          "Every OU below the root, as paths; a child's parent must be listed too. For example [Security, Infrastructure, Workloads, Workloads/Prod, Workloads/NonProd].",
      }),
    logArchive: CoreAccount.meta({
      description:
        "The log archive account: the central, Object Lock-protected log bucket every account's CloudTrail, Config and logs deliver to.",
    }),
    securityTooling: CoreAccount.meta({
      description:
        "The security tooling (audit) account: delegated administrator of GuardDuty, Security Hub, AWS Config and IAM Access Analyzer.",
    }),
    serviceControlPolicies: ServiceControlPolicySettings.optional().meta({
      description:
        "The guardrail SCPs' Region allow-list and attachments. Default: every guardrail on every top-level OU, the Region allow-list on the workloads' top-level OUs.",
    }),
    tagPolicy: TagPolicySettings.optional(),
    identityCenter: IdentityCenterSettings.optional().meta({
      description:
        "IAM Identity Center permission sets and group assignments (docs/identity-center.md). @default none: access is managed elsewhere",
    }),
  })
  .meta({
    description:
      "The AWS Organizations layer (the organization stack, applied first from the management account). Omit it when someone else manages the organization: then every account must exist and the log archive stays in the network hub.",
  });
