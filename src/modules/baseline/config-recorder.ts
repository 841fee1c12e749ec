/**
 * AWS Config in one account: a recorder of all supported resource types plus global ones (IAM), a
 * delivery channel to the central Config bucket (`config/AWSLogs/<account>/Config/`, encrypted with the
 * archive key; never the Object Lock log archive, which Config cannot deliver to,
 * https://docs.aws.amazon.com/config/latest/APIReference/API_PutDeliveryChannel.html), the recorder switched on, managed rules that mirror what this landing zone builds, and
 * either the aggregator (in the aggregating account) or the authorization that lets it collect from this
 * account.
 *
 * Follows "Setting up AWS Config with the AWS CLI"
 * (https://docs.aws.amazon.com/config/latest/developerguide/gs-cli-prereq.html): the recorder uses the
 * service-linked role `AWSServiceRoleForConfig`, which delivers with the `config.amazonaws.com` principal
 * the Config bucket's policy admits. If the role already exists in an account, import it
 * (`terraform import ... arn:aws:iam::<account>:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`).
 * Aggregation: https://docs.aws.amazon.com/config/latest/developerguide/aggregate-data.html.
 */
import { ConfigAggregateAuthorization } from "@cdktf/provider-aws/lib/config-aggregate-authorization";
import { ConfigConfigRule } from "@cdktf/provider-aws/lib/config-config-rule";
import { ConfigConfigurationAggregator } from "@cdktf/provider-aws/lib/config-configuration-aggregator";
import { ConfigConfigurationRecorder } from "@cdktf/provider-aws/lib/config-configuration-recorder";
import { ConfigConfigurationRecorderStatus } from "@cdktf/provider-aws/lib/config-configuration-recorder-status";
import { ConfigDeliveryChannel } from "@cdktf/provider-aws/lib/config-delivery-channel";
import { IamServiceLinkedRole } from "@cdktf/provider-aws/lib/iam-service-linked-role";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { CONFIG_PREFIX } from "./config-bucket.js";

/**
 * AWS managed Config rules (source identifiers, https://docs.aws.amazon.com/config/latest/developerguide/managed-rules-by-aws-config.html)
 * every account gets: they check at run time what the policy pack checks at synth time.
 */
export const MANAGED_CONFIG_RULES: readonly string[] = [
  "ENCRYPTED_VOLUMES",
  "EC2_EBS_ENCRYPTION_BY_DEFAULT",
  "RDS_STORAGE_ENCRYPTED",
  "S3_BUCKET_PUBLIC_READ_PROHIBITED",
  "S3_BUCKET_SSL_REQUESTS_ONLY",
  "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC",
  "INCOMING_SSH_DISABLED",
  "RESTRICTED_INCOMING_TRAFFIC",
  "VPC_FLOW_LOGS_ENABLED",
  "VPC_DEFAULT_SECURITY_GROUP_CLOSED",
  "MULTI_REGION_CLOUD_TRAIL_ENABLED",
  "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED",
  "CLOUD_TRAIL_ENCRYPTION_ENABLED",
  "CMK_BACKING_KEY_ROTATION_ENABLED",
  "CLOUDWATCH_LOG_GROUP_ENCRYPTED",
  "IAM_PASSWORD_POLICY",
  "ROOT_ACCOUNT_MFA_ENABLED",
  "GUARDDUTY_ENABLED_CENTRALIZED",
  "SECURITYHUB_ENABLED",
  "ELASTICACHE_REPL_GRP_ENCRYPTED_IN_TRANSIT",
  "ECR_PRIVATE_IMAGE_SCANNING_ENABLED",
  "ECR_PRIVATE_TAG_IMMUTABILITY_ENABLED",
  "ALB_WAF_ENABLED",
  "ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK",
  "ELB_LOGGING_ENABLED",
];

/** Managed rules added where data is protected (hub and prod). */
export const PROTECTED_DATA_CONFIG_RULES: readonly string[] = [
  "RDS_MULTI_AZ_SUPPORT",
  "RDS_INSTANCE_DELETION_PROTECTION_ENABLED",
  "DB_INSTANCE_BACKUP_ENABLED",
];

/** Props of {@link ConfigRecorder}. */
export interface ConfigRecorderProps {
  /** Prefix of the recorder, channel, rule and aggregator names, for example `acme-prod`. */
  readonly namePrefix: string;
  readonly accountId: string;
  /** Central Config bucket name (a bucket without Object Lock: Config cannot deliver to one with it). */
  readonly bucketName: string;
  /** Key ARN (not an alias) of the archive key that encrypts delivered objects (same Region as the bucket). */
  readonly archiveKmsKeyArn: string;
  /** Add {@link PROTECTED_DATA_CONFIG_RULES} (RDS Multi-AZ, deletion protection, backups). @default false */
  readonly dataProtectionRules?: boolean;
  /** This account aggregates: an aggregator over these accounts in `aggregatorRegions`. @default no aggregator */
  readonly aggregator?: { readonly name: string; readonly accountIds: readonly string[]; readonly regions: readonly string[] };
  /** Authorize this aggregator account/Region to collect from this account. @default no authorization */
  readonly authorizeAggregator?: { readonly accountId: string; readonly region: string };
  /** Resources the delivery channel waits for (the bucket policy when in the same stack). @default [] */
  readonly dependsOn?: readonly ITerraformDependable[];
  /**
   * Names of an existing recorder and delivery channel to import (Terraform `import` blocks; both import by name)
   * instead of creating them. AWS Config allows one of each per Region, and their names cannot change, so an
   * imported one keeps its name. @default {} (created as `<namePrefix>-recorder` and `<namePrefix>-delivery`)
   */
  readonly importIds?: { readonly recorder?: string; readonly deliveryChannel?: string };
}

/** Recorder, delivery channel, status, managed rules, and aggregation. */
export class ConfigRecorder extends Construct {
  readonly recorderName: string;

  constructor(scope: Construct, id: string, props: ConfigRecorderProps) {
    super(scope, id);
    const role = new IamServiceLinkedRole(this, "service-linked-role", { awsServiceName: "config.amazonaws.com" });
    const recorderName = props.importIds?.recorder;
    const channelName = props.importIds?.deliveryChannel;
    const recorder = new ConfigConfigurationRecorder(this, "recorder", {
      name: recorderName ?? `${props.namePrefix}-recorder`,
      roleArn: role.arn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
    });
    if (recorderName) recorder.importFrom(recorderName);
    const channel = new ConfigDeliveryChannel(this, "delivery-channel", {
      name: channelName ?? `${props.namePrefix}-delivery`,
      s3BucketName: props.bucketName,
      s3KeyPrefix: CONFIG_PREFIX,
      s3KmsKeyArn: props.archiveKmsKeyArn,
      snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
      dependsOn: [recorder, ...(props.dependsOn ?? [])],
    });
    if (channelName) channel.importFrom(channelName);
    const status = new ConfigConfigurationRecorderStatus(this, "recorder-status", {
      name: recorder.name,
      isEnabled: true,
      dependsOn: [channel],
    });
    const rules = [...MANAGED_CONFIG_RULES, ...(props.dataProtectionRules ? PROTECTED_DATA_CONFIG_RULES : [])];
    for (const rule of rules) {
      const name = rule.toLowerCase().replace(/_/g, "-");
      new ConfigConfigRule(this, `rule-${name}`, {
        name: `lz-${name}`,
        source: { owner: "AWS", sourceIdentifier: rule },
        dependsOn: [status],
      });
    }
    if (props.aggregator) {
      new ConfigConfigurationAggregator(this, "aggregator", {
        name: props.aggregator.name,
        accountAggregationSource: { accountIds: [...props.aggregator.accountIds], regions: [...props.aggregator.regions] },
      });
    }
    if (props.authorizeAggregator) {
      new ConfigAggregateAuthorization(this, "aggregate-authorization", {
        accountId: props.authorizeAggregator.accountId,
        region: props.authorizeAggregator.region,
      });
    }
    this.recorderName = recorder.name;
  }
}
