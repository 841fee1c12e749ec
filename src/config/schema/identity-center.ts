/**
 * `organization.awsOrganizations.identityCenter:` in shared.yaml: IAM Identity Center permission sets and the group
 * assignments that give people access to the landing zone's accounts. Identity Center itself is enabled by hand in
 * the management account (an organization instance; its identity source, such as an external IdP, is chosen
 * there); the organization stack manages the permission sets and assignments of that instance.
 * Cross-field rules (set names unique, assignments naming sets and accounts that exist) are in
 * src/config/validate/identity-center.ts.
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html
 */
import { z } from "zod";

/**
 * A permission set: AWS managed policies, a session duration, a reason. Name: 1-32 characters of `[\w+=,.@-]`
 * (PermissionSet, https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_PermissionSet.html). At most 10
 * managed policies: each permission set becomes an IAM role in every assigned account, and IAM attaches at most 10
 * managed policies to a role by default ("AWS IAM Identity Center quotas",
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html). Session duration 1 to 12 hours
 * ("Set session duration", https://docs.aws.amazon.com/singlesignon/latest/userguide/howtosessionduration.html).
 */
export const PermissionSetSettings = z
  .strictObject({
    name: z
      .string()
      .regex(/^[\w+=,.@-]{1,32}$/, {
        error: "Write a permission set name of 1-32 characters: letters, digits and + = , . @ _ -, for example ReadOnly.",
      })
      .meta({ description: "Permission set name (1-32 characters, [\\w+=,.@-]); the IAM roles in the accounts are named after it." }),
    description: z
      .string()
      .min(1)
      .max(700)
      .optional()
      .meta({ description: "Shown in the AWS access portal (1-700 characters). @default the reason" }),
    managedPolicyArns: z
      .array(
        z.string().regex(/^arn:aws(-cn|-us-gov)?:iam::aws:policy\/[\w+=,.@/-]+$/, {
          error: "Write an AWS managed policy ARN, for example arn:aws:iam::aws:policy/ReadOnlyAccess.",
        }),
      )
      .min(1, { error: "List at least one AWS managed policy, for example arn:aws:iam::aws:policy/ReadOnlyAccess." })
      .max(10, { error: "A permission set's role holds at most 10 managed policies (the IAM default quota). Keep 10 or fewer." })
      .meta({
        description: "AWS managed policies of the set (at most 10), for example arn:aws:iam::aws:policy/job-function/NetworkAdministrator.",
      }),
    sessionDuration: z
      .string()
      .regex(/^PT([1-9]|1[0-2])H$/, { error: "Write a session duration from PT1H to PT12H (ISO-8601 hours)." })
      .default("PT1H")
      .meta({ description: "How long a console or CLI session lasts, ISO-8601, PT1H to PT12H. @default PT1H" }),
    reason: z
      .string()
      .min(10, { error: "Say who needs this permission set and why (at least 10 characters)." })
      .meta({ description: "Who needs this set and why; reviewers read it when the set changes." }),
  })
  .meta({ description: "An IAM Identity Center permission set built from AWS managed policies." });

/** One group's access: a permission set in a list of the landing zone's accounts. */
export const AssignmentSettings = z
  .strictObject({
    group: z.string().min(1).max(1024).meta({
      description: "Display name of a group in the Identity Center identity store (synchronized from your IdP or created there).",
    }),
    permissionSet: z.string().min(1).meta({ description: "Name of a permission set of permissionSets." }),
    accounts: z
      .union([z.literal("all"), z.array(z.string().min(1)).min(1, { error: "List at least one account, or write accounts: all." })])
      .meta({
        description:
          "The accounts, by landing-zone name: management, log-archive, security-tooling, network-hub, or an environment name (prod, dev, ...); all: every one of them.",
      }),
  })
  .meta({ description: "Gives a group a permission set in some accounts." });

/** `identityCenter:`: the existing instance, the permission sets and the group assignments. */
export const IdentityCenterSettings = z
  .strictObject({
    instanceArn: z
      .string()
      .regex(/^arn:aws(-cn|-us-gov)?:sso:::instance\/(sso)?ins-[a-zA-Z0-9-.]{16}$/, {
        error: "Write the instance ARN, for example arn:aws:sso:::instance/ssoins-1234567890abcdef, or leave it out to read it.",
      })
      .optional()
      .meta({
        description: "ARN of the Identity Center instance. @default read from the management account (data aws_ssoadmin_instances)",
      }),
    identityStoreId: z
      .string()
      .regex(/^d-[0-9a-f]{10}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
        error: "Write the identity store id, for example d-1234567890, or leave it out to read it.",
      })
      .optional()
      .meta({ description: "Id of the instance's identity store. @default read with the instance" }),
    permissionSets: z
      .array(PermissionSetSettings)
      .min(1, { error: "List at least one permission set." })
      .meta({ description: "The permission sets (for example Administrator, ReadOnly, NetworkAdministrator, Developer)." }),
    assignments: z.array(AssignmentSettings).default([]).meta({ description: "Group assignments per account. @default []" }),
  })
  .meta({
    description:
      "IAM Identity Center (enabled by hand in the management account): permission sets and group assignments, managed by the organization stack.",
  });

/** `identityCenter:` as parsed. */
export type IdentityCenterFile = z.output<typeof IdentityCenterSettings>;
