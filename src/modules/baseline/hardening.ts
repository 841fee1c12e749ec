/**
 * Account-level hardening: EBS encryption by default with the account's data key, the account-wide S3
 * public access block, an IAM password policy, IAM Access Analyzer, and Session Manager preferences that
 * log every session to a KMS-encrypted log group.
 *
 * - EBS: https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html (the default key must
 *   let the EC2 Auto Scaling service-linked role use it if Auto Scaling launches instances).
 * - S3 account block: https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html
 * - Password policy per CIS 1.8-1.9: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 * - Session Manager preferences are the `SSM-SessionManagerRunShell` Session document
 *   (https://docs.aws.amazon.com/systems-manager/latest/userguide/getting-started-create-preferences-cli.html).
 *   The document exists once someone saved preferences in the console; import it then. With `kmsKeyId`
 *   set, instance roles need `kms:Decrypt` on that key to start sessions.
 */
import { AccessanalyzerAnalyzer } from "@cdktf/provider-aws/lib/accessanalyzer-analyzer";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { EbsDefaultKmsKey } from "@cdktf/provider-aws/lib/ebs-default-kms-key";
import { EbsEncryptionByDefault } from "@cdktf/provider-aws/lib/ebs-encryption-by-default";
import { IamAccountPasswordPolicy } from "@cdktf/provider-aws/lib/iam-account-password-policy";
import { S3AccountPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-account-public-access-block";
import { SsmDocument } from "@cdktf/provider-aws/lib/ssm-document";
import { Construct } from "constructs";

/** Name of the Session Manager preferences document AWS reads. */
export const SESSION_PREFERENCES_DOCUMENT = "SSM-SessionManagerRunShell";

/** Props of {@link AccountHardening}. */
export interface AccountHardeningProps {
  /** Prefix of names, for example `acme-prod`. */
  readonly namePrefix: string;
  /** Default KMS key of new EBS volumes (the account's data key). */
  readonly ebsKmsKeyArn: string;
  /** Key of the session log group and of session data (the account's logs key). */
  readonly logsKmsKeyArn: string;
  /** Session log retention, days (a CloudWatch Logs retention value). */
  readonly sessionLogRetentionDays: number;
  /** Minutes of inactivity before a session ends. @default 20 */
  readonly idleSessionTimeoutMinutes?: number;
}

/** EBS default encryption, S3 account block, password policy, Access Analyzer, Session Manager logging. */
export class AccountHardening extends Construct {
  readonly sessionLogGroupName: string;

  constructor(scope: Construct, id: string, props: AccountHardeningProps) {
    super(scope, id);
    new EbsEncryptionByDefault(this, "ebs-encryption-by-default", { enabled: true });
    new EbsDefaultKmsKey(this, "ebs-default-key", { keyArn: props.ebsKmsKeyArn });
    new S3AccountPublicAccessBlock(this, "s3-account-public-access-block", {
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new IamAccountPasswordPolicy(this, "password-policy", {
      minimumPasswordLength: 14,
      requireLowercaseCharacters: true,
      requireUppercaseCharacters: true,
      requireNumbers: true,
      requireSymbols: true,
      allowUsersToChangePassword: true,
      maxPasswordAge: 90,
      passwordReusePrevention: 24,
    });
    new AccessanalyzerAnalyzer(this, "access-analyzer", { analyzerName: `${props.namePrefix}-access-analyzer`, type: "ACCOUNT" });

    const group = new CloudwatchLogGroup(this, "session-log-group", {
      name: `/aws/ssm/sessions/${props.namePrefix}`,
      retentionInDays: props.sessionLogRetentionDays,
      kmsKeyId: props.logsKmsKeyArn,
    });
    new SsmDocument(this, "session-preferences", {
      name: SESSION_PREFERENCES_DOCUMENT,
      documentType: "Session",
      documentFormat: "JSON",
      content: JSON.stringify({
        schemaVersion: "1.0",
        description: "Session Manager preferences: every session logged to an encrypted log group (landing zone)",
        sessionType: "Standard_Stream",
        inputs: {
          s3BucketName: "",
          s3KeyPrefix: "",
          s3EncryptionEnabled: true,
          cloudWatchLogGroupName: group.name,
          cloudWatchEncryptionEnabled: true,
          cloudWatchStreamingEnabled: true,
          kmsKeyId: props.logsKmsKeyArn,
          runAsEnabled: false,
          runAsDefaultUser: "",
          idleSessionTimeout: String(props.idleSessionTimeoutMinutes ?? 20),
          maxSessionDuration: "",
          shellProfile: { windows: "", linux: "" },
        },
      }),
    });
    this.sessionLogGroupName = group.name;
  }
}
