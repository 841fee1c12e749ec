/**
 * The base of every account stack: one Terraform stack per AWS account, with its own state.
 *
 * This file and `src/app.ts` are the only places that import the framework's stack and backend
 * classes, so a move from cdktf to its fork (CDK Terrain) touches them alone.
 */
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Backend, TerraformStack, TerraformVariable, type S3BackendConfig } from "cdktf";
import type { Construct } from "constructs";
import type { AccountTarget, LandingZoneModel } from "../config/index.js";
import { AccountBaseline } from "../modules/baseline/index.js";
import { AccountKeys } from "../modules/encryption/index.js";
import { AlertTopic } from "../modules/observability/index.js";
import { definedOnly } from "../util/defined.js";

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

/**
 * The Terraform versions every generated stack accepts (`terraform.required_version`): 1.11 made S3-native state
 * locking (`use_lockfile`) generally available (https://developer.hashicorp.com/terraform/language/backend/s3), and
 * a 2.x release may change the language. The workflows install 1.11.x.
 */
export const TERRAFORM_REQUIRED_VERSION = ">= 1.11, < 2.0";

/**
 * Sets `terraform.required_version` of `stack` to {@link TERRAFORM_REQUIRED_VERSION}, so an older or a next-major
 * Terraform refuses the stack at `init` instead of failing half-way. cdktf 0.21 has no typed field for it.
 */
export function requireTerraformVersion(stack: TerraformStack): void {
  stack.addOverride("terraform.required_version", TERRAFORM_REQUIRED_VERSION);
}

/** Tool name in the `ManagedBy` default tag. */
export const MANAGED_BY = "landing-zone/cdktf";

/**
 * A stack deployed into one account: the default AWS provider assumes the account's deploy role (or the role the
 * `assume_role_name` variable names), and state is kept in the shared S3 bucket under the stack's own key,
 * encrypted and locked with S3-native lock files. The base of {@link AccountStack} and of the management account's
 * organization stack, which has no keys, alerts or baseline of its own.
 */
export class TargetStack extends TerraformStack {
  /** The account this stack deploys into. */
  readonly target: AccountTarget;
  /** The default provider, acting in {@link target}. */
  readonly provider: AwsProvider;
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
   * @param environment value of the `Environment` tag (the environment name, `network-hub`, `organization`).
   */
  constructor(scope: Construct, model: LandingZoneModel, target: AccountTarget, environment: string) {
    super(scope, target.stackName);
    requireTerraformVersion(this);
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
  }

  /**
   * An AWS provider for `target.accountId` in `target.region`, assuming the role named by the
   * `assume_role_name` variable there (`target.deployRoleArn` by default). `alias` "aws" is the
   * default provider; any other value makes an aliased one (for example "us-east-1"). `region` overrides
   * `target.region` (for example us-east-1 for CloudFront certificates and web ACLs).
   * @param roleName name of the role to assume. @default the `assume_role_name` variable
   */
  protected accountProvider(
    alias: string,
    target: AccountTarget,
    region: string = target.region,
    roleName: string = this.assumeRoleName.stringValue,
  ): AwsProvider {
    return new AwsProvider(this, alias === "aws" ? "aws" : `aws-${alias}`, {
      ...(alias === "aws" ? {} : { alias }),
      region,
      allowedAccountIds: [target.accountId],
      assumeRole: [
        {
          roleArn: `arn:${target.partition}:iam::${target.accountId}:role/${roleName}`,
          sessionName: `landing-zone-${this.target.stackName}`,
        },
      ],
      defaultTags: [{ tags: { ...this.defaultTags } }],
    });
  }

  /** Sets the account's permissions boundary on every IAM role of the stack, then prepares it as cdktf does. */
  override prepareStack(): void {
    this.applyPermissionsBoundary();
    super.prepareStack();
  }

  /**
   * Sets `target.permissionsBoundaryArn` on every IAM role of the stack that has none. Idempotent; runs from
   * {@link prepareStack}, and `src/app.ts` calls it before rendering, since its single render pass stands in for
   * cdktf's `prepareStack()`.
   * @throws Error when a role is created in another account (through another account's provider) or already
   *   carries a different boundary: both are programming errors the pipeline's roles could not apply.
   */
  applyPermissionsBoundary(): void {
    const boundary = this.target.permissionsBoundaryArn;
    for (const c of this.node.findAll()) {
      if (!(c instanceof IamRole)) continue;
      const provider = c.provider instanceof AwsProvider ? c.provider : undefined;
      const account = provider?.allowedAccountIds?.[0] ?? this.target.accountId;
      if (account !== this.target.accountId)
        throw new Error(
          `${c.node.path}: an IAM role in account ${account}, not ${this.target.accountId}; only the bootstrap creates roles outside a stack's account`,
        );
      const current = c.permissionsBoundaryInput;
      if (current === undefined) c.permissionsBoundary = boundary;
      else if (current !== boundary)
        throw new Error(`${c.node.path}: permissions boundary ${current}; every role of the stack carries ${boundary}`);
    }
  }
}

/**
 * A stack for one landing-zone account ({@link TargetStack}) that also owns the account's purpose KMS keys, its
 * alert topic and its security baseline.
 *
 * Every IAM role the stack creates carries the account's landing-zone permissions boundary
 * (`target.permissionsBoundaryArn`), set just before the stack is rendered: the deploy role may create roles only
 * with that boundary (src/pipeline/permissions.ts), so a role built without it would fail to apply.
 */
export class AccountStack extends TargetStack {
  /** The account's KMS keys: `logs`, `data`, `secrets` (prevent_destroy where `target.preventDestroy`). */
  readonly keys: AccountKeys;
  /** The account's KMS-encrypted SNS alert topic (`<namePrefix>-alerts`); every alarm and finding rule notifies it. */
  readonly alerts: AlertTopic;
  /** The security, governance and observability baseline (CloudTrail, Config, GuardDuty, Security Hub, hardening; the log archive in the hub). */
  readonly baseline: AccountBaseline;
  /**
   * An aliased provider (`hub`) acting in the network hub account, in the workload stacks: they wire the hub side
   * of their transit gateway attachment with it, and (without the AWS Organizations layer, where the archive is in
   * the hub) read the archive key's ARN. It assumes the environment's hub attachment role (see
   * `createHubProvider`), never the hub's deploy role. Undefined in the hub's own stack.
   */
  readonly hubProvider?: AwsProvider;

  /**
   * @param model the landing zone: state backend, organization tags and deploy role name come from it.
   * @param target the account; `target.stackName` names the stack.
   * @param environment value of the `Environment` tag (the environment name, or `network-hub`).
   * @param hubRoleName role the {@link hubProvider} assumes in the hub by default: the environment's hub attachment
   *   role. Required for an account that does not host the log archive unless the model has the AWS Organizations
   *   layer (`model.baseline.organization`); no hub provider without it.
   * @throws Error when the account does not host the log archive, the model has no organization baseline and no
   *   `hubRoleName` is given.
   */
  constructor(scope: Construct, model: LandingZoneModel, target: AccountTarget, environment: string, hubRoleName?: string) {
    super(scope, model, target, environment);

    const account = { accountId: target.accountId, region: target.region, partition: target.partition };
    this.keys = new AccountKeys(this, "keys", { ...account, namePrefix: target.namePrefix, preventDestroy: target.preventDestroy });
    this.alerts = new AlertTopic(this, "alerts", {
      ...account,
      name: `${target.namePrefix}-alerts`,
      kmsKeyArn: this.keys.logs.keyArn,
      emails: target.alertEmails,
    });
    const hostsArchive = target.accountId === model.baseline.logArchive.accountId;
    // With the AWS Organizations layer the archive key is read across accounts by its alias (no provider needed);
    // without it, through the hub provider, since the archive is in the hub.
    if (!hostsArchive && !model.baseline.organization && hubRoleName === undefined)
      throw new Error(`${target.stackName}: an account without the log archive needs a hub role name`);
    if (hubRoleName !== undefined) this.hubProvider = this.createHubProvider(model.networkHub, hubRoleName);
    this.baseline = baselineOf(this, model, target, this.keys, this.alerts.topicArn, this.hubProvider);
  }

  /**
   * The aliased provider `hub` in the network hub account, assuming the role named by the `hub_assume_role_name`
   * variable: by default `attachmentRoleName`, the environment's hub attachment role, which may only wire this
   * environment's Transit Gateway attachment; pull-request plans pass the read-only plan role
   * (`TF_VAR_hub_assume_role_name`). A workload pipeline never assumes the hub's deploy role.
   */
  private createHubProvider(hub: AccountTarget, attachmentRoleName: string): AwsProvider {
    const roleName = new TerraformVariable(this, "hub_assume_role_name", {
      type: "string",
      default: attachmentRoleName,
      description:
        "IAM role assumed in the network hub account for the hub side of the Transit Gateway attachment. Default: this environment's hub attachment role. CI plans pass the read-only plan role.",
      nullable: false,
    });
    return this.accountProvider("hub", hub, hub.region, roleName.stringValue);
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
  const trailNameOf = (accountId: string): string => b.accounts.find((a) => a.accountId === accountId)?.trailName ?? b.cloudTrail.name;
  const renamedTrails = b.accounts.some((a) => a.trailName !== b.cloudTrail.name);
  const { logBucket, cloudTrail, guardDutyDetector, securityHubAccount, configRecorder, configDeliveryChannel } = target.adopt;
  const org = b.organization;
  return new AccountBaseline(stack, "baseline", {
    accountId: target.accountId,
    region: target.region,
    partition: target.partition,
    namePrefix: target.namePrefix,
    keys,
    alertTopicArn,
    dataProtectionRules: target.preventDestroy,
    logArchive: {
      ...b.logArchive,
      writerAccountIds: accountIds,
      // Every account's own trail name once one differs: the archive's default (`trail.name`) is this account's.
      ...(renamedTrails ? { writerTrailNames: Object.fromEntries(b.accounts.map((a) => [a.accountId, a.trailName])) } : {}),
      ...(org
        ? {
            organizationTrailSource: { accountId: org.trail.accountId, region: org.trail.region, trailName: org.trail.name },
            // The management account reads it for the organization trail (organization-trail.ts).
            keyReaderAccountIds: [...new Set([...accountIds, org.trail.accountId])].filter((a) => a !== b.logArchive.accountId),
          }
        : {}),
    },
    ...(org
      ? {
          archiveKeyReadAcrossAccounts: true,
          securityServices: target.accountId === org.securityTooling.accountId ? ("delegated-administrator" as const) : ("member" as const),
        }
      : hubProvider
        ? { archiveAccountProvider: hubProvider }
        : {}),
    // With the organization layer the organization trail is the management account's (src/accounts/organization-trail.ts).
    trail: {
      name: trailNameOf(target.accountId),
      logRetentionDays: b.cloudTrail.logRetentionDays,
      organizationTrail: org ? false : b.cloudTrail.organizationTrail,
      ...(org ? { enabled: b.cloudTrail.accountTrails } : {}),
    },
    configAggregator: { ...b.configAggregator, sourceAccountIds: accountIds },
    guardDuty: b.guardDuty,
    cisVersion: b.securityHub.cisVersion,
    sessionLogRetentionDays: b.sessionManager.logRetentionDays,
    importIds: definedOnly({ logBucket, cloudTrail, guardDutyDetector, securityHubAccount, configRecorder, configDeliveryChannel }),
  });
}
