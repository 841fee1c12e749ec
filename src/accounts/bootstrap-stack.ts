/**
 * The bootstrap stack (`bootstrap`): what must exist before any other stack can `terraform init`. An
 * administrator applies it by hand, never the pipeline (`lz stacks` leaves it out); see README "Day 0".
 *
 * - In the state account (the account of `organization.state.kmsKeyArn`): the state bucket and, when
 *   `kmsKeyArn` is an alias ARN, the KMS key with that alias.
 * - In every landing-zone account (with the AWS Organizations layer the management account's organization stack and
 *   the log archive and security tooling accounts; the hub and each workload): the GitHub OIDC provider, the plan, apply and
 *   deploy roles and the permissions boundary (../modules/deploy-access); in the hub, one hub attachment role per
 *   workload. The deploy role's policy, the plan role's reads and the hub attachment roles' scope are generated
 *   from what the account stacks contain ({@link BootstrapStack.addPipelineRoles}, src/pipeline/permissions.ts),
 *   so src/app.ts renders the account stacks first.
 *
 * Every provider is aliased (one per account and Region) and assumes `bootstrap.adminRoleName` there, from the
 * administrator's credentials. State is a local file next to the output folder on day 0
 * (`bootstrap.backend: local`), and `<keyPrefix>/bootstrap.tfstate` in the bucket once migrated (`s3`).
 *
 * This file imports the framework's stack and backend classes, like account-stack.ts and src/app.ts.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import {
  coreAccountTargets,
  hubAttachmentRoleName,
  type AccountTarget,
  type BootstrapModel,
  type LandingZoneModel,
} from "../config/index.js";
import {
  environmentSubject,
  GithubOidcProvider,
  PipelineRoles,
  pullRequestSubject,
  type AttachmentRole,
} from "../modules/deploy-access/index.js";
import { StateBucket, type StateAccessGrant } from "../modules/state/index.js";
import type { AccountFootprint } from "../pipeline/footprint.js";
import { checkHubSideFootprint, hubAttachmentStatements } from "../pipeline/hub-attachment.js";
import { boundaryStatements } from "../pipeline/boundary.js";
import { deployRoleStatements } from "../pipeline/permissions.js";
import { planReadStatements } from "../pipeline/plan-reads.js";
import { stackMatrix } from "../pipeline/stacks.js";
import { DRIFT_GITHUB_ENVIRONMENT } from "../pipeline/stages.js";
import { addLockedS3Backend, MANAGED_BY, requireTerraformVersion } from "./account-stack.js";
import { attachmentRouteTables, routingPlanOf } from "./segments.js";

/**
 * Path of the day-0 local state, relative to the stack's folder `<out>/stacks/bootstrap`: the folder that holds
 * the output folder (the repository root for `cdktf.out`), so re-synthesizing never deletes it.
 */
export const BOOTSTRAP_LOCAL_STATE = "../../../bootstrap.tfstate";

/** The bootstrap stack; build it only when `model.bootstrap` is set. */
export class BootstrapStack extends TerraformStack {
  readonly bootstrap: BootstrapModel;
  /** The state bucket and key. */
  readonly state: StateBucket;
  /** The roles of each landing-zone account, by stack name (`network-hub`, `workload-dev`, ...), once added. */
  readonly roles = new Map<string, PipelineRoles>();
  private readonly model: LandingZoneModel;
  private readonly providerFor: (alias: string, accountId: string, region: string, partition: string) => AwsProvider;

  /** @throws Error when `model.bootstrap` is undefined. */
  constructor(scope: Construct, model: LandingZoneModel) {
    const bootstrap = model.bootstrap;
    if (!bootstrap) throw new Error("BootstrapStack needs model.bootstrap (a bootstrap block in shared.yaml)");
    super(scope, bootstrap.stackName);
    requireTerraformVersion(this);
    this.bootstrap = bootstrap;
    this.model = model;
    const org = model.organization;
    const tags = { ...org.tags, LandingZone: org.name, Environment: bootstrap.stackName, ManagedBy: MANAGED_BY };
    const adminRole = (partition: string, accountId: string) => `arn:${partition}:iam::${accountId}:role/${bootstrap.adminRoleName}`;

    const providers = new Map<string, AwsProvider>();
    const providerFor = (alias: string, accountId: string, region: string, partition: string): AwsProvider => {
      const key = `${accountId} ${region}`;
      if (!providers.has(key)) {
        providers.set(
          key,
          new AwsProvider(this, `aws-${alias}`, {
            alias,
            region,
            allowedAccountIds: [accountId],
            assumeRole: [{ roleArn: adminRole(partition, accountId), sessionName: "landing-zone-bootstrap" }],
            defaultTags: [{ tags }],
          }),
        );
      }
      return providers.get(key)!;
    };
    this.providerFor = providerFor;
    const targets = pipelineTargets(model);
    for (const t of targets) providerFor(t.stackName, t.accountId, t.region, t.partition);

    const keyPrefixOf = (t: AccountTarget) => t.stateKey.slice(0, t.stateKey.lastIndexOf("/") + 1);
    const entries = stackMatrix(model);
    const grants: StateAccessGrant[] = entries.map((e) => {
      const target = targets.find((t) => t.stackName === e.stack)!;
      return { keyPrefix: keyPrefixOf(target), readerRoleArns: [e.planRoleArn], writerRoleArns: [e.applyRoleArn] };
    });
    this.state = new StateBucket(this, "state", {
      provider: providerFor("state", bootstrap.stateAccountId, model.state.region, bootstrap.statePartition),
      bucketName: model.state.bucket,
      region: model.state.region,
      accountId: bootstrap.stateAccountId,
      partition: bootstrap.statePartition,
      kmsKey: bootstrap.stateKmsAliasName ? { createWithAlias: bootstrap.stateKmsAliasName } : { existingKeyArn: model.state.kmsKeyArn },
      grants,
    });

    new TerraformOutput(this, "state_kms_key_arn", {
      value: this.state.keyArn,
      description: "ARN of the state key. organization.state.kmsKeyArn may name it or its alias.",
    });
    new TerraformOutput(this, "state_bucket", { value: model.state.bucket });

    if (bootstrap.backend === "s3") {
      addLockedS3Backend(this, {
        bucket: model.state.bucket,
        key: bootstrap.stateKey,
        region: model.state.region,
        encrypt: true,
        kmsKeyId: model.state.kmsKeyArn,
        assumeRole: { roleArn: adminRole(bootstrap.statePartition, bootstrap.stateAccountId), sessionName: "landing-zone-bootstrap" },
      });
    } else {
      new LocalBackend(this, { path: BOOTSTRAP_LOCAL_STATE });
    }
  }

  /**
   * Adds the GitHub OIDC provider, the permissions boundary and the plan, apply and deploy roles of every account,
   * and the hub attachment roles, built from `footprints`: what every account stack does in every account
   * (src/pipeline/footprint.ts, from the stacks' rendered JSON). Call it once, after the account stacks are built.
   * @throws Error when called twice, when a stack has no footprint in its own account, when a workload stack acts
   *   in the hub beyond its attachment (src/pipeline/hub-attachment.ts) or a stack acts in any other account, and
   *   the errors of deployRoleStatements (a type without an IAM service, an uncovered IAM type).
   */
  addPipelineRoles(footprints: readonly AccountFootprint[]): void {
    if (this.roles.size > 0) throw new Error("BootstrapStack.addPipelineRoles was called twice");
    const model = this.model;
    const org = model.organization;
    const hubTarget = model.networkHub;
    const targets = pipelineTargets(model);
    const entries = stackMatrix(model);
    // Absent while a core account is vended: only the organization stack has pipeline roles then.
    const hub = entries.find((e) => e.stack === hubTarget.stackName);
    // The stacks with a hub provider (the hub's own and the workloads'): the hub's plan role trusts their plan roles.
    const hubUsers = entries.filter((e) => e.stack === hub?.stack || model.environments.some((w) => w.stackName === e.stack));
    const targetOf = (stack: string) => targets.find((t) => t.stackName === stack);
    for (const f of footprints) {
      const home = targetOf(f.stack);
      if (!home) throw new Error(`BootstrapStack: footprint of ${f.stack}, which is not a stack of the model`);
      if (f.accountId === home.accountId) continue;
      if (f.accountId !== hubTarget.accountId || f.stack === hubTarget.stackName)
        throw new Error(`${f.stack}: acts in account ${f.accountId}, which no pipeline role of ${f.stack} may write to`);
      checkHubSideFootprint(f);
    }
    const plan = routingPlanOf(model);
    const attachmentRoles: AttachmentRole[] = (hub ? model.environments : []).map((env) => {
      const tables = attachmentRouteTables(model, plan, env.name);
      return {
        name: env.hubAttachmentRoleName,
        environment: env.name,
        trustedRoleArn: entries.find((e) => e.stack === env.stackName)!.applyRoleArn,
        statements: hubAttachmentStatements({
          partition: hubTarget.partition,
          accountId: hubTarget.accountId,
          region: hubTarget.region,
          attachmentName: env.vpc.name,
          routeTableNames: [tables.associateWith, ...tables.propagateTo],
          // Only while the archive is in the hub (no AWS Organizations layer).
          ...(model.baseline.logArchive.accountId === hubTarget.accountId
            ? { archiveKeyAlias: `alias/${model.baseline.logArchive.kmsAliasName}` }
            : {}),
        }),
      };
    });
    const keyPrefixOf = (t: AccountTarget) => t.stateKey.slice(0, t.stateKey.lastIndexOf("/") + 1);
    for (const e of entries) {
      const target = targetOf(e.stack)!;
      const own = footprints.filter((f) => f.stack === e.stack && f.accountId === target.accountId);
      if (own.length === 0) throw new Error(`BootstrapStack: no footprint of ${e.stack} in its account ${target.accountId}`);
      const isHub = e.stack === hubTarget.stackName;
      const attachRoles = isHub ? attachmentRoles : [];
      const account = { partition: target.partition, accountId: target.accountId };
      const role = (name: string) => `arn:${target.partition}:iam::${target.accountId}:role/${name}`;
      const provider = this.providerFor(target.stackName, target.accountId, target.region, target.partition);
      const oidc = new GithubOidcProvider(this, `${e.stack}-github-oidc`, { provider });
      this.roles.set(
        e.stack,
        new PipelineRoles(this, `${e.stack}-roles`, {
          provider,
          partition: target.partition,
          oidcProviderArn: oidc.arn,
          planRoleName: org.github.planRoleName,
          applyRoleName: org.github.applyRoleName,
          deployRoleName: org.deployRoleName,
          // Pull requests, and the scheduled drift check (drift.yml) in its own GitHub environment.
          planSubjects: [pullRequestSubject(org.github.repository), environmentSubject(org.github.repository, DRIFT_GITHUB_ENVIRONMENT)],
          applySubjects: [environmentSubject(org.github.repository, e.githubEnvironment)],
          // Workload plans assume the hub's plan role for their hub provider (read-only).
          planRoleTrustedRoleArns: isHub ? hubUsers.map((x) => x.planRoleArn) : [e.planRoleArn],
          planRoleAssumes: [...new Set([e.planRoleArn, ...(hub && hubUsers.includes(e) ? [hub.planRoleArn] : [])])],
          // Only the account's own apply role: a workload reaches the hub through its hub attachment role alone.
          deployRoleTrustedRoleArns: [e.applyRoleArn],
          applyRoleAssumes: [
            target.deployRoleArn,
            ...model.environments.filter((w) => w.stackName === e.stack).map((w) => w.hubAttachmentRoleArn),
          ],
          deployRoleStatements: deployRoleStatements({ ...account, boundaryArn: target.permissionsBoundaryArn }, own),
          deployRolePolicyArns: this.bootstrap.deployRolePolicies.map((p) => p.arn),
          planRoleStatements: planReadStatements(
            target.partition,
            target.accountId,
            footprints.filter((f) => f.accountId === target.accountId),
          ),
          boundary: {
            name: org.permissionsBoundaryName,
            statements: boundaryStatements({
              ...account,
              boundaryArn: target.permissionsBoundaryArn,
              pipelineRoleArns: [
                role(org.github.planRoleName),
                role(org.github.applyRoleName),
                role(org.deployRoleName),
                // Every hub attachment role, by pattern: the boundary stays small with any number of environments.
                ...(isHub ? [role(hubAttachmentRoleName(org.deployRoleName, "*"))] : []),
              ],
              ...(target.accountId === this.bootstrap.stateAccountId
                ? { state: { bucketArn: this.state.bucketArn, keyArn: this.state.keyArn } }
                : {}),
            }),
          },
          attachmentRoles: attachRoles,
          state: { bucketArn: this.state.bucketArn, keyArn: this.state.keyArn, keyPrefix: keyPrefixOf(target) },
        }),
      );
    }
  }

  /** @throws Error when {@link addPipelineRoles} was not called: the stack would create no pipeline role. */
  override prepareStack(): void {
    if (this.roles.size === 0) throw new Error("BootstrapStack: call addPipelineRoles(footprints) before synthesis");
    super.prepareStack();
  }
}

/**
 * Every account target with pipeline roles: the management account's organization stack (with
 * `organization.awsOrganizations`), the network hub and each environment.
 */
function pipelineTargets(model: LandingZoneModel): AccountTarget[] {
  return [
    ...(model.awsOrganizations ? [model.awsOrganizations.management] : []),
    ...coreAccountTargets(model),
    model.networkHub,
    ...model.environments,
  ];
}
