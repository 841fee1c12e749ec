/**
 * The base of every account stack: one Terraform stack per AWS account, with its own state.
 *
 * This file and `src/app.ts` are the only places that import the framework's stack and backend
 * classes, so a move from cdktf to its fork (CDK Terrain) touches them alone.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Backend, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { AccountTarget, StateBackend } from "../config/index.js";

/** Tool name in the `ManagedBy` default tag. */
export const MANAGED_BY = "landing-zone/cdktf";

/** Props of {@link AccountStack}. */
export interface AccountStackProps {
  /** The account this stack deploys into; `target.stackName` is the stack's name. */
  readonly target: AccountTarget;
  readonly state: StateBackend;
  /** Tags on every resource (provider `default_tags`), merged with LandingZone/Environment/ManagedBy. */
  readonly tags: Readonly<Record<string, string>>;
  /** Organization name, for the `LandingZone` tag. */
  readonly landingZone: string;
  /** Value of the `Environment` tag. */
  readonly environment: string;
}

/**
 * A stack for one account: the default AWS provider assumes the account's deploy role, and state is
 * kept in the shared S3 bucket under the stack's own key, encrypted and locked with S3-native lock files.
 */
export class AccountStack extends TerraformStack {
  /** The default provider, acting in {@link AccountStackProps.target}. */
  readonly provider: AwsProvider;
  protected readonly props: AccountStackProps;

  constructor(scope: Construct, props: AccountStackProps) {
    super(scope, props.target.stackName);
    this.props = props;
    this.provider = this.accountProvider("aws", props.target);
    new S3Backend(this, {
      bucket: props.state.bucket,
      key: props.target.stateKey,
      region: props.state.region,
      encrypt: true,
      kmsKeyId: props.state.kmsKeyArn,
    });
    // S3-native state locking (Terraform >= 1.10). cdktf 0.21's S3Backend has no typed field for it.
    this.addOverride("terraform.backend.s3.use_lockfile", true);
  }

  /**
   * An AWS provider that assumes `target.deployRoleArn` in `target.region`. `alias` "aws" is the
   * default provider; any other value makes an aliased one (for example "hub").
   */
  protected accountProvider(alias: string, target: AccountTarget): AwsProvider {
    return new AwsProvider(this, alias === "aws" ? "aws" : `aws-${alias}`, {
      ...(alias === "aws" ? {} : { alias }),
      region: target.region,
      allowedAccountIds: [target.accountId],
      assumeRole: [{ roleArn: target.deployRoleArn, sessionName: `landing-zone-${this.props.target.stackName}` }],
      defaultTags: [
        {
          tags: {
            ...this.props.tags,
            LandingZone: this.props.landingZone,
            Environment: this.props.environment,
            ManagedBy: MANAGED_BY,
          },
        },
      ],
    });
  }
}
