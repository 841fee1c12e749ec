/**
 * CloudTrail in one account: a multi-Region trail with log file validation, encrypted with the central
 * archive key, delivering to the central log bucket under `cloudtrail/AWSLogs/<account>/`, and to a
 * KMS-encrypted CloudWatch Logs group with retention (for metric filters and alarms).
 *
 * Follows "Security best practices in AWS CloudTrail"
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html) and "Sending
 * events to CloudWatch Logs" (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html):
 * the role CloudTrail assumes is limited to this trail with `aws:SourceArn`.
 */
import { Cloudtrail } from "@cdktf/provider-aws/lib/cloudtrail";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { CLOUDTRAIL_PREFIX } from "./log-archive.js";
import { policyJson, serviceAssumesRole } from "../iam/index.js";

/** Props of {@link AccountTrail}. */
export interface AccountTrailProps {
  /** Trail name, the same in every account (the archive's bucket and key policies list it). */
  readonly name: string;
  readonly accountId: string;
  readonly region: string;
  /** ARN partition. @default "aws" */
  readonly partition?: string;
  /** Central log bucket name. */
  readonly bucketName: string;
  /**
   * Archive key ARN (`arn:...:key/<id>`), also in another account. CloudTrail accepts an alias too, but returns the
   * key ARN, so an alias shows a change in every plan (hashicorp/terraform-provider-aws#33928, #694).
   */
  readonly archiveKmsKeyArn: string;
  /** This account's logs key ARN, for the CloudWatch Logs group. */
  readonly logsKmsKeyArn: string;
  /** Log group retention in days (a CloudWatch Logs retention value). */
  readonly logRetentionDays: number;
  /** Make it an organization trail (only in the management or delegated administrator account). @default false */
  readonly organizationTrail?: boolean;
  /** Resources the trail waits for, for example the bucket policy when the bucket is in the same stack. @default [] */
  readonly dependsOn?: readonly ITerraformDependable[];
  /** ARN of an existing trail named `name` to import (a Terraform `import` block; trails import by ARN) instead of creating one. @default none (created) */
  readonly importId?: string;
}

/** The account's trail and its CloudWatch Logs delivery. */
export class AccountTrail extends Construct {
  readonly trailArn: string;
  /** The trail's log group name, for metric filters. */
  readonly logGroupName: string;

  constructor(scope: Construct, id: string, props: AccountTrailProps) {
    super(scope, id);
    const partition = props.partition ?? "aws";
    const trailArn = `arn:${partition}:cloudtrail:${props.region}:${props.accountId}:trail/${props.name}`;
    const group = new CloudwatchLogGroup(this, "log-group", {
      name: `/aws/cloudtrail/${props.name}`,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: props.logsKmsKeyArn,
    });
    const role = new IamRole(this, "role", {
      namePrefix: "cloudtrail-logs-",
      description: `Lets CloudTrail trail ${props.name} write to ${group.name}`,
      assumeRolePolicy: policyJson([
        serviceAssumesRole("cloudtrail.amazonaws.com", {
          sid: "CloudTrailOfThisTrail",
          condition: { StringEquals: { "aws:SourceAccount": props.accountId, "aws:SourceArn": trailArn } },
        }),
      ]),
    });
    new IamRolePolicy(this, "role-policy", {
      role: role.name,
      name: "write-trail-logs",
      policy: policyJson([
        {
          Sid: "WriteTrailLogs",
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
          Resource: `${group.arn}:log-stream:*`,
        },
      ]),
    });
    const trail = new Cloudtrail(this, "trail", {
      name: props.name,
      s3BucketName: props.bucketName,
      s3KeyPrefix: CLOUDTRAIL_PREFIX,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      kmsKeyId: props.archiveKmsKeyArn,
      cloudWatchLogsGroupArn: `${group.arn}:*`,
      cloudWatchLogsRoleArn: role.arn,
      isOrganizationTrail: props.organizationTrail ?? false,
      ...(props.dependsOn?.length ? { dependsOn: [...props.dependsOn] } : {}),
    });
    if (props.importId) trail.importFrom(props.importId);
    this.trailArn = trail.arn;
    this.logGroupName = group.name;
  }
}
