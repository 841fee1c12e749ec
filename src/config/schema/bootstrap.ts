/**
 * `bootstrap:` in shared.yaml: the hand-applied bootstrap stack. Cross-field rules (role names that clash):
 * src/config/validate/bootstrap.ts.
 */
import { z } from "zod";
import { IamRoleName } from "./common.js";

/**
 * A managed IAM policy attached to the deploy role in addition to the generated one, with the reason it is needed.
 * The deploy role's permissions boundary still applies to it.
 */
export const DeployRolePolicy = z
  .strictObject({
    arn: z
      .string()
      .regex(/^arn:aws(-cn|-us-gov)?:iam::(aws|\d{12}):policy\/[\w+=,.@/-]+$/, {
        error:
          "Write a managed policy ARN, for example arn:aws:iam::aws:policy/PowerUserAccess or arn:aws:iam::123456789012:policy/LandingZoneDeploy.",
      })
      .meta({ description: "ARN of an AWS-managed or customer-managed IAM policy." }),
    reason: z.string().trim().min(10, { error: "Write a reason of at least 10 characters: why the deploy role needs these rights." }).meta({
      description: "Why the deploy role needs this policy (at least 10 characters), so a reviewer sees why broad rights were granted.",
    }),
  })
  .meta({
    description: "A policy attached to the deploy role in every account, on top of the generated one (the boundary still applies).",
  });

/**
 * The bootstrap stack (`cdktf.out/stacks/bootstrap`), applied by hand by an administrator before the first
 * pipeline run: the state bucket and key, and in every account the GitHub OIDC provider and the plan, apply
 * and deploy roles. Leave the block out and no bootstrap stack is synthesized.
 */
export const BootstrapSettings = z
  .strictObject({
    adminRoleName: IamRoleName.default("OrganizationAccountAccessRole").meta({
      description:
        "Role the administrator's credentials assume in every account (hub, workloads, state) to create the bootstrap resources. AWS Organizations creates OrganizationAccountAccessRole in accounts it creates. @default OrganizationAccountAccessRole",
    }),
    backend: z
      .enum(["local", "s3"], {
        error: "Write backend: local (day 0, before the state bucket exists) or backend: s3 (after the bootstrap state was migrated).",
      })
      .default("local")
      .meta({
        description:
          "Where the bootstrap stack keeps its own state. local: a file next to the output folder (day 0). s3: the state bucket, key <keyPrefix>/bootstrap.tfstate (after migrating, see README Day 0). @default local",
      }),
    deployRolePolicies: z.array(DeployRolePolicy).default([]).meta({
      description:
        "Managed policies attached to the deploy role (organization.deployRoleName) in every account in addition to the policy generated from the services the account's stack uses, each with the reason it is needed. @default []",
    }),
  })
  .meta({ description: "Bootstrap stack: state bucket and key, GitHub OIDC provider, plan/apply/deploy roles. Applied by hand." });
