/**
 * The base of every account stack: one Terraform stack per AWS account, with its own state.
 *
 * This file and `src/app.ts` are the only places that import the framework's stack and backend
 * classes, so a move from cdktf to its fork (CDK Terrain) touches them alone.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Backend, TerraformStack, TerraformVariable, type S3BackendConfig } from "cdktf";
import type { Construct } from "constructs";
import type { AccountTarget, LandingZoneModel } from "../config/index.js";
import { AccountBaseline } from "../modules/baseline/index.js";
import { AccountKeys } from "../modules/encryption/index.js";
import { AlertTopic } from "../modules/observability/index.js";

/**
 * Configures `stack` to keep its state in S3 with `config`, locked with S3-native lock files
 * (`use_lockfile`, Terraform >= 1.10). cdktf 0.21's S3Backend has no typed field for `use_lockfile`, so it is
 * set with an override, here only.
 */
export function addLockedS3Backend(stack: TerraformStack, config: S3BackendConfig): S3Backend {
  const backend = new S3Backend(stack, config);
  stack.addOverride("terraform.backend.s3.use_lockfile", true);
  return backend;
}

/** Tool name in the `ManagedBy` default tag. */
export const MANAGED_BY = "landing-zone/cdktf";

/**
 * A stack for one account: the default AWS provider assumes the account's deploy role, and state is
 * kept in the shared S3 bucket under the stack's own key, encrypted and locked with S3-native lock files.
 * Every account stack also owns the account's purpose KMS keys and its alert topic.
 */
export class AccountStack extends TerraformStack {
  /** The account this stack deploys into. */
  readonly target: AccountTarget;
  /** The default provider, acting in {@link target}. */
  readonly provider: AwsProvider;
  /** The account's KMS keys: `logs`, `data`, `secrets` (prevent_destroy where `target.preventDestroy`). */
  readonly keys: AccountKeys;
  /** The account's KMS-encrypted SNS alert topic (`<namePrefix>-alerts`); every alarm and finding rule notifies it. */
  readonly alerts: AlertTopic;
  /** The security, governance and observability baseline (CloudTrail, Config, GuardDuty, Security Hub, hardening; the log archive in the hub). */
  readonly baseline: AccountBaseline;
  /**
   * An aliased provider (`hub`) acting in the network hub account, in every stack of an account that does not host
   * the log archive (the workload stacks): it reads the archive key's ARN, and workload stacks wire the hub side of
   * their transit gateway attachment with it. Undefined in the hub's own stack.
   */
  readonly hubProvider?: AwsProvider;
  /** Provider default tags: `organization.tags` plus LandingZone, Environment and ManagedBy. */
  private readonly defaultTags: Readonly<Record<string, string>>;
  /**
   * Name of the role every provider of this stack assumes in its account. Defaults to the deploy role;
   * pull-request plans set `TF_VAR_assume_role_name` to the read-only plan role, so a plan never holds
   * write credentials.
   */
  private readonly assumeRoleName: TerraformVariable;

  /**
   * @param model the landing zone: state backend, organization tags and deploy role name come from it.
   * @param target the account; `target.stackName` names the stack.
   * @param environment value of the `Environment` tag (the environment name, or `network-hub`).
   */
  constructor(scope: Construct, model: LandingZoneModel, target: AccountTarget, environment: string) {
    super(scope, target.stackName);
    this.target = target;
    this.defaultTags = {
      ...model.organization.tags,
      LandingZone: model.organization.name,
      Environment: environment,
      ManagedBy: MANAGED_BY,
    };
    this.assumeRoleName = new TerraformVariable(this, "assume_role_name", {
      type: "string",
      default: model.organization.deployRoleName,
      description: "IAM role assumed in every account of this stack. Default: the deploy role. CI plans pass the read-only plan role.",
      nullable: false,
    });
    this.provider = this.accountProvider("aws", target);
    addLockedS3Backend(this, {
      bucket: model.state.bucket,
      key: target.stateKey,
      region: model.state.region,
      encrypt: true,
      kmsKeyId: model.state.kmsKeyArn,
    });

    const account = { accountId: target.accountId, region: target.region, partition: target.partition };
    this.keys = new AccountKeys(this, "keys", { ...account, namePrefix: target.namePrefix, preventDestroy: target.preventDestroy });
    this.alerts = new AlertTopic(this, "alerts", {
      ...account,
      name: `${target.namePrefix}-alerts`,
      kmsKeyArn: this.keys.logs.keyArn,
      emails: target.alertEmails,
    });
    const hostsArchive = target.accountId === model.baseline.logArchive.accountId;
    if (!hostsArchive) this.hubProvider = this.accountProvider("hub", model.networkHub);
    this.baseline = baselineOf(this, model, target, this.keys, this.alerts.topicArn, this.hubProvider);
  }

  /**
   * An AWS provider for `target.accountId` in `target.region`, assuming the role named by the
   * `assume_role_name` variable there (`target.deployRoleArn` by default). `alias` "aws" is the
   * default provider; any other value makes an aliased one (for example "hub"). `region` overrides
   * `target.region` (for example us-east-1 for CloudFront certificates and web ACLs).
   */
  protected accountProvider(alias: string, target: AccountTarget, region: string = target.region): AwsProvider {
    return new AwsProvider(this, alias === "aws" ? "aws" : `aws-${alias}`, {
      ...(alias === "aws" ? {} : { alias }),
      region,
      allowedAccountIds: [target.accountId],
      assumeRole: [
        {
          roleArn: `arn:${target.partition}:iam::${target.accountId}:role/${this.assumeRoleName.stringValue}`,
          sessionName: `landing-zone-${this.target.stackName}`,
        },
      ],
      defaultTags: [{ tags: { ...this.defaultTags } }],
    });
  }
}

/** The account's {@link AccountBaseline}, from the model's baseline settings. */
function baselineOf(
  stack: AccountStack,
  model: LandingZoneModel,
  target: AccountTarget,
  keys: AccountKeys,
  alertTopicArn: string,
  hubProvider: AwsProvider | undefined,
): AccountBaseline {
  const b = model.baseline;
  const accountIds = b.accounts.map((a) => a.accountId);
  return new AccountBaseline(stack, "baseline", {
    accountId: target.accountId,
    region: target.region,
    partition: target.partition,
    namePrefix: target.namePrefix,
    keys,
    alertTopicArn,
    dataProtectionRules: target.preventDestroy,
    logArchive: { ...b.logArchive, writerAccountIds: accountIds },
    ...(hubProvider ? { archiveAccountProvider: hubProvider } : {}),
    trail: b.cloudTrail,
    configAggregator: { ...b.configAggregator, sourceAccountIds: accountIds },
    guardDuty: b.guardDuty,
    cisVersion: b.securityHub.cisVersion,
    sessionLogRetentionDays: b.sessionManager.logRetentionDays,
  });
}
