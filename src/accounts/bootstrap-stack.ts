/**
 * The bootstrap stack (`bootstrap`): what must exist before any other stack can `terraform init`. An
 * administrator applies it by hand, never the pipeline (`lz stacks` leaves it out); see README "Day 0".
 *
 * - In the state account (the account of `organization.state.kmsKeyArn`): the state bucket and, when
 *   `kmsKeyArn` is an alias ARN, the KMS key with that alias.
 * - In every landing-zone account (hub and each workload): the GitHub OIDC provider and the plan, apply and
 *   deploy roles (../modules/deploy-access).
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
import type { AccountTarget, BootstrapModel, LandingZoneModel } from "../config/index.js";
import { environmentSubject, GithubOidcProvider, PipelineRoles, pullRequestSubject } from "../modules/deploy-access/index.js";
import { StateBucket, type StateAccessGrant } from "../modules/state/index.js";
import { stackMatrix } from "../pipeline/stacks.js";
import { addLockedS3Backend, MANAGED_BY } from "./account-stack.js";

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
  /** The roles of each landing-zone account, by stack name (`network-hub`, `workload-dev`, ...). */
  readonly roles: ReadonlyMap<string, PipelineRoles>;

  /** @throws Error when `model.bootstrap` is undefined. */
  constructor(scope: Construct, model: LandingZoneModel) {
    const bootstrap = model.bootstrap;
    if (!bootstrap) throw new Error("BootstrapStack needs model.bootstrap (a bootstrap block in shared.yaml)");
    super(scope, bootstrap.stackName);
    this.bootstrap = bootstrap;
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
    const targets: AccountTarget[] = [model.networkHub, ...model.environments];
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

    const hub = entries[0]!;
    const roles = new Map<string, PipelineRoles>();
    for (const e of entries) {
      const target = targets.find((t) => t.stackName === e.stack)!;
      const provider = providerFor(target.stackName, target.accountId, target.region, target.partition);
      const isHub = e.stack === hub.stack;
      const oidc = new GithubOidcProvider(this, `${e.stack}-github-oidc`, { provider });
      roles.set(
        e.stack,
        new PipelineRoles(this, `${e.stack}-roles`, {
          provider,
          partition: target.partition,
          oidcProviderArn: oidc.arn,
          planRoleName: org.github.planRoleName,
          applyRoleName: org.github.applyRoleName,
          deployRoleName: org.deployRoleName,
          planSubjects: [pullRequestSubject(org.github.repository)],
          applySubjects: [environmentSubject(org.github.repository, e.githubEnvironment)],
          // Workload plans assume the hub's plan role for their hub provider; the hub's deploy role likewise
          // serves every apply role (the hub side of each Transit Gateway attachment).
          planRoleTrustedRoleArns: isHub ? entries.map((x) => x.planRoleArn) : [e.planRoleArn],
          planRoleAssumes: [...new Set([e.planRoleArn, hub.planRoleArn])],
          deployRoleTrustedRoleArns: isHub ? entries.map((x) => x.applyRoleArn) : [e.applyRoleArn],
          applyRoleAssumes: [...new Set([target.deployRoleArn, model.networkHub.deployRoleArn])],
          deployRolePolicyArns: bootstrap.deployRolePolicies.map((p) => p.arn),
          state: { bucketArn: this.state.bucketArn, keyArn: this.state.keyArn, keyPrefix: keyPrefixOf(target) },
        }),
      );
    }
    this.roles = roles;

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
}
