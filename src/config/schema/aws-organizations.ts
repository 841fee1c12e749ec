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
import { AccountId } from "./common.js";
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

/** `organization.awsOrganizations`: the management account, the OU tree and the SRA core accounts. */
export const AwsOrganizationsSettings = z
  .strictObject({
    managementAccountId: AccountId.meta({
      description: "The organization's management account, where the organization stack deploys. It runs no workload.",
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
    identityCenter: IdentityCenterSettings.optional().meta({
      description:
        "IAM Identity Center permission sets and group assignments (docs/identity-center.md). @default none: access is managed elsewhere",
    }),
  })
  .meta({
    description:
      "The AWS Organizations layer (the organization stack, applied first from the management account). Omit it when someone else manages the organization: then every account must exist and the log archive stays in the network hub.",
  });
