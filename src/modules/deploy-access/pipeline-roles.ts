/**
 * The three roles the pipeline uses in one account, and how they chain:
 *
 * - **plan** (read-only): assumed by pull-request jobs through GitHub OIDC (`sub` = `…:pull_request`). The job
 *   sets `TF_VAR_assume_role_name` to the plan role, so every provider of the stack assumes the plan role
 *   again, in its own account and in the hub: each plan role also trusts the plan roles listed in
 *   `planRoleTrustedRoleArns`. Rights: `ReadOnlyAccess`, read its account's state, write lock files.
 * - **apply**: assumed by main-branch jobs running in the stack's GitHub environment (`sub` =
 *   `…:environment:<env>`). Rights: read and write its account's state, and assume the deploy role in its own
 *   account and in the hub. It manages no resources itself.
 * - **deploy** (`organization.deployRoleName`): assumed by the Terraform providers from the apply roles in
 *   `deployRoleTrustedRoleArns`. Rights: exactly the managed policies given, each with a written reason.
 *
 * Role-to-role trust uses the account root plus `aws:PrincipalArn` (see ../iam/policy.ts), so the roles can
 * be created in any order. The caller's identity policy must also allow `sts:AssumeRole`
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_aws-accounts.html).
 */
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { policyJson, type PolicyStatement, rolePrincipals } from "../iam/index.js";
import { githubTrustStatement } from "./github-oidc.js";

/** Where the account's state lives, for the plan and apply roles' identity policies. */
export interface StateAccess {
  /** `arn:<partition>:s3:::<bucket>`. */
  readonly bucketArn: string;
  /** ARN of the state KMS key (a key ARN, not an alias). */
  readonly keyArn: string;
  /** The account's key prefix, ending in `/`: `<keyPrefix>/<accountId>/`. */
  readonly keyPrefix: string;
}

/** Props of {@link PipelineRoles}. */
export interface PipelineRolesProps {
  /** Provider acting in the account. */
  readonly provider: TerraformProvider;
  /** ARN partition. @default "aws" */
  readonly partition?: string;
  /** ARN of the account's GitHub OIDC provider. */
  readonly oidcProviderArn: string;
  readonly planRoleName: string;
  readonly applyRoleName: string;
  readonly deployRoleName: string;
  /** Exact GitHub `sub` values admitted by the plan role, for example `repo:acme/landing-zone:pull_request`. */
  readonly planSubjects: readonly string[];
  /** Exact GitHub `sub` values admitted by the apply role, for example `repo:acme/landing-zone:environment:prod`. */
  readonly applySubjects: readonly string[];
  /** Plan roles (this account's own included) whose sessions may assume this plan role. */
  readonly planRoleTrustedRoleArns: readonly string[];
  /** Roles the plan role may assume: its own ARN and the hub's plan role. */
  readonly planRoleAssumes: readonly string[];
  /** Apply roles whose sessions may assume this account's deploy role. */
  readonly deployRoleTrustedRoleArns: readonly string[];
  /** Roles the apply role may assume: the deploy roles of this account and of the hub. */
  readonly applyRoleAssumes: readonly string[];
  /** Managed policies of the deploy role. Must not be empty. */
  readonly deployRolePolicyArns: readonly string[];
  readonly state: StateAccess;
  /** Longest session of each role, in seconds (3600-43200). @default 3600 */
  readonly maxSessionDurationSeconds?: number;
}

/** Plan, apply and deploy roles of one account. */
export class PipelineRoles extends Construct {
  readonly planRoleArn: string;
  readonly applyRoleArn: string;
  readonly deployRoleArn: string;

  constructor(scope: Construct, id: string, props: PipelineRolesProps) {
    super(scope, id);
    if (props.deployRolePolicyArns.length === 0)
      throw new Error("PipelineRoles: deployRolePolicyArns is empty; the deploy role could not deploy anything");
    const { provider } = props;
    const partition = props.partition ?? "aws";
    const maxSessionDuration = props.maxSessionDurationSeconds ?? 3600;
    const { bucketArn, keyArn, keyPrefix } = props.state;
    const assume = (sid: string, arns: readonly string[]): PolicyStatement => ({
      Sid: sid,
      Effect: "Allow",
      ...rolePrincipals(arns, partition),
      Action: "sts:AssumeRole",
    });
    const list: PolicyStatement = {
      Sid: "ListOwnStatePrefix",
      Effect: "Allow",
      Action: "s3:ListBucket",
      Resource: bucketArn,
      Condition: { StringLike: { "s3:prefix": [`${keyPrefix}*`, "env:/*"] } },
    };
    const lock: PolicyStatement = {
      Sid: "WriteLockFiles",
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
      Resource: `${bucketArn}/${keyPrefix}*.tfstate.tflock`,
    };

    const plan = new IamRole(this, "plan", {
      provider,
      name: props.planRoleName,
      description: "Landing zone: pull-request plans (read-only) through GitHub OIDC",
      maxSessionDuration,
      assumeRolePolicy: policyJson([
        githubTrustStatement(props.oidcProviderArn, props.planSubjects),
        assume("LandingZonePlanRoles", props.planRoleTrustedRoleArns),
      ]),
    });
    new IamRolePolicyAttachment(this, "plan-read-only", {
      provider,
      role: plan.name,
      policyArn: `arn:${partition}:iam::aws:policy/ReadOnlyAccess`,
    });
    new IamRolePolicy(this, "plan-state", {
      provider,
      role: plan.name,
      name: "terraform-state-read",
      policy: policyJson([
        list,
        { Sid: "ReadOwnState", Effect: "Allow", Action: "s3:GetObject", Resource: `${bucketArn}/${keyPrefix}*.tfstate` },
        lock,
        { Sid: "StateKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"], Resource: keyArn },
        { Sid: "AssumePlanRoles", Effect: "Allow", Action: "sts:AssumeRole", Resource: [...props.planRoleAssumes] },
      ]),
    });

    const apply = new IamRole(this, "apply", {
      provider,
      name: props.applyRoleName,
      description: "Landing zone: main-branch applies through GitHub OIDC; assumes the deploy role",
      maxSessionDuration,
      assumeRolePolicy: policyJson([githubTrustStatement(props.oidcProviderArn, props.applySubjects)]),
    });
    new IamRolePolicy(this, "apply-state", {
      provider,
      role: apply.name,
      name: "terraform-state-write",
      policy: policyJson([
        list,
        {
          Sid: "ReadWriteOwnState",
          Effect: "Allow",
          Action: ["s3:GetObject", "s3:PutObject"],
          Resource: `${bucketArn}/${keyPrefix}*.tfstate`,
        },
        lock,
        {
          Sid: "StateKey",
          Effect: "Allow",
          Action: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
          Resource: keyArn,
        },
        { Sid: "AssumeDeployRoles", Effect: "Allow", Action: "sts:AssumeRole", Resource: [...props.applyRoleAssumes] },
      ]),
    });

    const deploy = new IamRole(this, "deploy", {
      provider,
      name: props.deployRoleName,
      description: "Landing zone: assumed by Terraform from the apply roles; rights per bootstrap.deployRolePolicies",
      maxSessionDuration,
      assumeRolePolicy: policyJson([assume("LandingZoneApplyRoles", props.deployRoleTrustedRoleArns)]),
    });
    // Keyed by policy name, so reordering the list changes nothing.
    for (const policyArn of new Set(props.deployRolePolicyArns)) {
      const name = policyArn.slice(policyArn.lastIndexOf("/") + 1);
      const owner = policyArn.split(":")[4];
      new IamRolePolicyAttachment(this, `deploy-policy-${owner === "aws" ? "" : `${owner}-`}${name}`, {
        provider,
        role: deploy.name,
        policyArn,
      });
    }

    this.planRoleArn = plan.arn;
    this.applyRoleArn = apply.arn;
    this.deployRoleArn = deploy.arn;
  }
}
