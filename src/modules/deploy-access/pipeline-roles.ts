/**
 * The roles the pipeline uses in one account, how they chain, and the account's permissions boundary:
 *
 * - **plan** (read-only): assumed by pull-request jobs through GitHub OIDC (`sub` = `…:pull_request`). The job
 *   sets `TF_VAR_assume_role_name` (and `TF_VAR_hub_assume_role_name`) to the plan role, so every provider of the
 *   stack assumes the plan role again, in its own account and in the hub: each plan role also trusts the plan
 *   roles listed in `planRoleTrustedRoleArns`. Rights: `ReadOnlyAccess`, what plans read beyond it
 *   (`planRoleStatements`: secret values and their keys), read its account's state, write lock files.
 * - **apply**: assumed by main-branch jobs running in the stack's GitHub environment (`sub` =
 *   `…:environment:<env>`). Rights: read and write its account's state, and assume the roles in
 *   `applyRoleAssumes` (its account's deploy role; for a workload, also its hub attachment role). It manages no
 *   resources itself.
 * - **deploy** (`organization.deployRoleName`): assumed by the Terraform providers from the apply roles in
 *   `deployRoleTrustedRoleArns` (the account's own apply role). Rights: the policy generated from the account's
 *   stack (`deployRoleStatements`), plus any managed policies given, under the account's permissions boundary.
 * - **hub attachment** (hub only, one per workload, `attachmentRoles`): trusted by one workload's apply role; may
 *   only wire that workload's Transit Gateway attachment. Under the boundary too.
 * - the **boundary** (`<org>-landing-zone-boundary`): a customer-managed policy set as permissions boundary on
 *   the deploy and attachment roles, and by the stacks on every role they create (src/pipeline/permissions.ts).
 *
 * Role-to-role trust uses the account root plus `aws:PrincipalArn` (see ../iam/policy.ts), so the roles can
 * be created in any order. The caller's identity policy must also allow `sts:AssumeRole`
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_aws-accounts.html).
 */
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
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
  /** Apply roles whose sessions may assume this account's deploy role: the account's own. */
  readonly deployRoleTrustedRoleArns: readonly string[];
  /** Roles the apply role may assume: this account's deploy role and, for a workload, its hub attachment role. */
  readonly applyRoleAssumes: readonly string[];
  /** The deploy role's own policy, generated from the account's stack (src/pipeline/permissions.ts). Must not be empty. */
  readonly deployRoleStatements: readonly PolicyStatement[];
  /** Managed policies attached to the deploy role in addition (`bootstrap.deployRolePolicies`). @default [] */
  readonly deployRolePolicyArns?: readonly string[];
  /** What plans read beyond `ReadOnlyAccess` (secret values, their keys). @default [] none */
  readonly planRoleStatements?: readonly PolicyStatement[];
  /** The account's permissions boundary: policy name and statements. */
  readonly boundary: { readonly name: string; readonly statements: readonly PolicyStatement[] };
  /** Hub attachment roles (network hub only), each trusted by exactly one workload's apply role. @default [] */
  readonly attachmentRoles?: readonly AttachmentRole[];
  readonly state: StateAccess;
  /** Longest session of each role, in seconds (3600-43200). @default 3600 */
  readonly maxSessionDurationSeconds?: number;
}

/** One hub attachment role: its name, the one apply role trusted to assume it, and its policy. */
export interface AttachmentRole {
  /** `<deployRoleName>-attach-<environment>`; also names its construct (`attach-<environment>`). */
  readonly name: string;
  /** The environment, for the construct id and description. */
  readonly environment: string;
  /** The workload's apply role, the only principal it trusts. */
  readonly trustedRoleArn: string;
  readonly statements: readonly PolicyStatement[];
}

/** IAM's limit on the inline policies of one role, in characters ("IAM and AWS STS quotas"). */
const INLINE_POLICY_MAX = 10240;
/**
 * IAM's largest role trust policy, in characters: 2,048 by default, 4,096 after a quota increase. The hub's plan
 * role trusts every account's plan role, so it grows with the number of environments.
 */
const TRUST_POLICY_MAX = 4096;
/** IAM's limit on a customer-managed policy, in characters. */
const MANAGED_POLICY_MAX = 6144;

/**
 * Renders `statements` and checks IAM's size limit (whitespace does not count; the renderer writes none).
 * See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-entity-length
 * @throws Error naming `what` when the document is longer than `max` characters.
 */
function sizedPolicy(what: string, statements: readonly PolicyStatement[], max: number): string {
  const json = policyJson(statements);
  if (json.length > max) throw new Error(`${what} has ${json.length} characters; IAM accepts at most ${max}. Split or narrow it.`);
  return json;
}

/** Plan, apply, deploy and hub attachment roles of one account, and its permissions boundary. */
export class PipelineRoles extends Construct {
  readonly planRoleArn: string;
  readonly applyRoleArn: string;
  readonly deployRoleArn: string;
  /** ARN of the account's permissions boundary policy. */
  readonly boundaryArn: string;

  constructor(scope: Construct, id: string, props: PipelineRolesProps) {
    super(scope, id);
    if (props.deployRoleStatements.length === 0)
      throw new Error("PipelineRoles: deployRoleStatements is empty; the deploy role could not deploy anything");
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
      assumeRolePolicy: sizedPolicy(
        `${id}: the plan role's trust policy`,
        [githubTrustStatement(props.oidcProviderArn, props.planSubjects), assume("LandingZonePlanRoles", props.planRoleTrustedRoleArns)],
        TRUST_POLICY_MAX,
      ),
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
    if (props.planRoleStatements && props.planRoleStatements.length > 0)
      new IamRolePolicy(this, "plan-reads", {
        provider,
        role: plan.name,
        name: "terraform-plan-reads",
        policy: sizedPolicy(`${id}: the plan role's reads`, props.planRoleStatements, INLINE_POLICY_MAX),
      });

    const apply = new IamRole(this, "apply", {
      provider,
      name: props.applyRoleName,
      description: "Landing zone: main-branch applies through GitHub OIDC; assumes the deploy role (and the hub attachment role)",
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

    const boundary = new IamPolicy(this, "boundary", {
      provider,
      name: props.boundary.name,
      description: "Landing zone: permissions boundary of the deploy role and of every role the stacks create",
      policy: sizedPolicy(`${id}: the permissions boundary`, props.boundary.statements, MANAGED_POLICY_MAX),
    });
    const deploy = new IamRole(this, "deploy", {
      provider,
      name: props.deployRoleName,
      description: "Landing zone: assumed by Terraform from the apply role; rights generated from the stack, under the boundary",
      maxSessionDuration,
      assumeRolePolicy: policyJson([assume("LandingZoneApplyRoles", props.deployRoleTrustedRoleArns)]),
      permissionsBoundary: boundary.arn,
    });
    new IamRolePolicy(this, "deploy-permissions", {
      provider,
      role: deploy.name,
      name: "landing-zone-deploy",
      policy: sizedPolicy(`${id}: the deploy role's policy`, props.deployRoleStatements, INLINE_POLICY_MAX),
    });
    // Keyed by policy name, so reordering the list changes nothing.
    for (const policyArn of new Set(props.deployRolePolicyArns ?? [])) {
      const name = policyArn.slice(policyArn.lastIndexOf("/") + 1);
      const owner = policyArn.split(":")[4];
      new IamRolePolicyAttachment(this, `deploy-policy-${owner === "aws" ? "" : `${owner}-`}${name}`, {
        provider,
        role: deploy.name,
        policyArn,
      });
    }

    for (const a of props.attachmentRoles ?? []) {
      const role = new IamRole(this, `attach-${a.environment}`, {
        provider,
        name: a.name,
        description: `Landing zone: assumed by the ${a.environment} apply role; wires only its Transit Gateway attachment in the hub`,
        maxSessionDuration,
        assumeRolePolicy: policyJson([assume("WorkloadApplyRole", [a.trustedRoleArn])]),
        permissionsBoundary: boundary.arn,
      });
      new IamRolePolicy(this, `attach-${a.environment}-permissions`, {
        provider,
        role: role.name,
        name: "hub-attachment",
        policy: sizedPolicy(`${id}: the ${a.environment} hub attachment role's policy`, a.statements, INLINE_POLICY_MAX),
      });
    }

    this.planRoleArn = plan.arn;
    this.applyRoleArn = apply.arn;
    this.deployRoleArn = deploy.arn;
    this.boundaryArn = boundary.arn;
  }
}
