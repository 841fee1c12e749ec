/**
 * `organization:` in shared.yaml: naming, tags, the Terraform state backend, the GitHub repository and pipeline
 * roles, and the role every stack assumes. Cross-field rules: src/config/validate/regions.ts (Regions, the state
 * key's Region) and bootstrap.ts (role names).
 */
import { z } from "zod";
import { AwsOrganizationsSettings } from "./aws-organizations.js";
import { IamRoleName, RegionName } from "./common.js";

/** Terraform state settings shared by every stack. */
export const StateSettings = z
  .strictObject({
    bucket: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: "Write an S3 bucket name: 3-63 lowercase letters, digits, dots or hyphens." })
      .meta({ description: "S3 bucket that holds every stack's state." }),
    region: RegionName.meta({ description: "Region of the state bucket." }),
    keyPrefix: z
      .string()
      .regex(/^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*$/, {
        error: "Write a key prefix without leading or trailing slash, for example landing-zone.",
      })
      .meta({ description: "Prefix of every state key: <keyPrefix>/<accountId>/<stack>.tfstate." }),
    kmsKeyArn: z
      .string()
      .regex(/^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[A-Za-z0-9/_-]+$/, {
        error: "Write the state KMS key as an ARN, for example arn:aws:kms:eu-west-1:123456789012:alias/terraform-state.",
      })
      .meta({ description: "KMS key (or alias) ARN that encrypts state objects." }),
  })
  .meta({ description: "Terraform S3 backend settings. Locking uses S3-native lock files." });

/** The GitHub repository and OIDC roles used by the pipeline. */
export const GithubSettings = z
  .strictObject({
    repository: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, { error: "Write the repository as owner/name, for example acme/landing-zone." })
      .meta({ description: "GitHub repository (owner/name) whose workflows may assume the pipeline roles." }),
    planRoleName: IamRoleName.default("landing-zone-github-plan").meta({
      description: "Role the pull-request workflow assumes in each account (read-only). @default landing-zone-github-plan",
    }),
    applyRoleName: IamRoleName.default("landing-zone-github-apply").meta({
      description: "Role the main-branch workflow assumes in each account. @default landing-zone-github-apply",
    }),
  })
  .meta({ description: "CI settings: GitHub Actions authenticates to each account with OIDC." });

/** The organization: naming, tags, state and the role every stack assumes. */
export const Organization = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,30}[a-z0-9]$/, { error: "Write a short lowercase name (3-32 characters, a-z 0-9 -), for example acme." })
      .meta({ description: "Short lowercase organization name; prefixes resource names." }),
    homeRegion: RegionName.meta({ description: "The organization's home Region." }),
    tags: z
      .record(
        z.string().regex(/^(?!aws:)[\w .:/=+@-]{1,128}$/, { error: "A tag key is 1-128 characters and must not start with aws:." }),
        z.string().max(256, { error: "A tag value is at most 256 characters." }),
      )
      .default({})
      .meta({ description: "Tags applied to every resource through the provider's default_tags." }),
    deployRoleName: IamRoleName.meta({
      description: "IAM role that exists in every account and that Terraform assumes there (arn:aws:iam::<account>:role/<name>).",
    }),
    ramSharingWithAwsOrganization: z.boolean().default(false).meta({
      description:
        "true when RAM sharing with AWS Organizations is enabled, so shares are accepted automatically. false: each workload stack accepts the transit gateway share. @default false",
    }),
    state: StateSettings,
    github: GithubSettings,
    awsOrganizations: AwsOrganizationsSettings.optional(),
  })
  .meta({ description: "Organization-wide settings." });
