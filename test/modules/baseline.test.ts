import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { describe, expect, it } from "vitest";
import { AccountBaseline, type AccountBaselineProps, type BaselineImportIds } from "../../src/modules/baseline/index.js";
import { AccountKeys } from "../../src/modules/encryption/index.js";
import { dataSources, resources, resourcesByName, synthJson } from "../support/synth.js";

interface Statement {
  Sid: string;
  Effect: string;
  Principal?: unknown;
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}
const statementsOf = (policy: unknown) => (JSON.parse(policy as string) as { Statement: Statement[] }).Statement;

const HUB = "111111111111";
const PROD = "444444444444";
const props = (accountId: string): Omit<AccountBaselineProps, "keys"> => ({
  accountId,
  region: "eu-west-1",
  namePrefix: accountId === HUB ? "acme-network-hub" : "acme-prod",
  alertTopicArn: "arn:aws:sns:eu-west-1:1:alerts",
  dataProtectionRules: true,
  logArchive: {
    accountId: HUB,
    region: "eu-west-1",
    bucketName: `acme-log-archive-${HUB}`,
    configBucketName: `acme-aws-config-${HUB}`,
    kmsAliasName: "acme-log-archive",
    kmsAliasArn: `arn:aws:kms:eu-west-1:${HUB}:alias/acme-log-archive`,
    writerAccountIds: [HUB, PROD],
    objectLockDays: 365,
    infrequentAccessDays: 30,
    glacierDays: 90,
    expireDays: 2557,
  },
  trail: { name: "acme-trail", logRetentionDays: 365 },
  configAggregator: { name: "acme-config-aggregator", accountId: HUB, region: "eu-west-1", sourceAccountIds: [HUB, PROD] },
  guardDuty: { s3Protection: true, eksProtection: false },
  cisVersion: "3.0.0",
});
const build = (accountId: string) =>
  synthJson((s) => {
    const keys = new AccountKeys(s, "keys", { accountId, region: "eu-west-1", namePrefix: "x" });
    const hub = accountId === HUB ? {} : { archiveAccountProvider: new AwsProvider(s, "aws-hub", { region: "eu-west-1", alias: "hub" }) };
    new AccountBaseline(s, "baseline", { ...props(accountId), keys, ...hub });
  });
/** The bucket resource named `name`, with its Terraform address name. */
const bucketNamed = (json: ReturnType<typeof build>, name: string) =>
  Object.entries(resourcesByName(json, "aws_s3_bucket")).find(([, b]) => b.bucket === name)!;
/** The resources of `type` whose `bucket` refers to the bucket at address name `address`. */
const ofBucket = (json: ReturnType<typeof build>, type: string, address: string) =>
  resources(json, type).filter((r) => r.bucket === `\${aws_s3_bucket.${address}.id}`);

describe("AccountBaseline in the account that hosts the log archive", () => {
  const json = build(HUB);
  const [archiveAddress] = bucketNamed(json, `acme-log-archive-${HUB}`);
  const [configAddress, configBucket] = bucketNamed(json, `acme-aws-config-${HUB}`);
  const bucketPolicy = statementsOf(ofBucket(json, "aws_s3_bucket_policy", archiveAddress)[0]!.policy);
  const configPolicy = statementsOf(ofBucket(json, "aws_s3_bucket_policy", configAddress)[0]!.policy);

  it("makes the log bucket Object-Locked, versioned, KMS-encrypted, private, and protected from destroy", () => {
    expect(bucketNamed(json, `acme-log-archive-${HUB}`)[1]).toMatchObject({
      bucket: `acme-log-archive-${HUB}`,
      object_lock_enabled: true,
      lifecycle: { prevent_destroy: true },
    });
    expect(resources(json, "aws_s3_bucket_versioning")[0]).toMatchObject({ versioning_configuration: { status: "Enabled" } });
    expect(resources(json, "aws_s3_bucket_object_lock_configuration")[0]).toMatchObject({
      rule: { default_retention: { mode: "GOVERNANCE", days: 365 } },
    });
    const sse = resources(json, "aws_s3_bucket_server_side_encryption_configuration")[0]!.rule as {
      apply_server_side_encryption_by_default: { sse_algorithm: string };
    }[];
    expect(sse[0]!.apply_server_side_encryption_by_default.sse_algorithm).toBe("aws:kms");
    expect(resources(json, "aws_s3_bucket_public_access_block")[0]).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    const rule = (resources(json, "aws_s3_bucket_lifecycle_configuration")[0]!.rule as { transition: { storage_class: string }[] }[])[0]!;
    expect(rule.transition.map((t) => t.storage_class)).toEqual(["STANDARD_IA", "GLACIER"]);
  });

  it("lets each account's trail write only under its own prefix, lets no Config write there, and denies plain HTTP", () => {
    const write = bucketPolicy.find((s) => s.Sid === `CloudTrailWrite${PROD}`)!;
    expect(write.Resource).toBe(`arn:aws:s3:::acme-log-archive-${HUB}/cloudtrail/AWSLogs/${PROD}/*`);
    expect(write.Condition?.StringEquals?.["aws:SourceArn"]).toBe(`arn:aws:cloudtrail:eu-west-1:${PROD}:trail/acme-trail`);
    expect(bucketPolicy.filter((s) => JSON.stringify(s.Principal ?? "").includes("config.amazonaws.com"))).toEqual([]);
    expect(bucketPolicy.find((s) => s.Sid === "DenyInsecureTransport")?.Condition?.Bool?.["aws:SecureTransport"]).toBe("false");
  });

  it("builds a Config bucket without Object Lock: versioned, encrypted with the archive key, private, protected from destroy", () => {
    expect(configBucket).toMatchObject({ bucket: `acme-aws-config-${HUB}`, lifecycle: { prevent_destroy: true } });
    expect(configBucket.object_lock_enabled).toBeUndefined();
    expect(resources(json, "aws_s3_bucket_object_lock_configuration").map((c) => c.bucket)).toEqual([
      `\${aws_s3_bucket.${archiveAddress}.id}`,
    ]);
    expect(ofBucket(json, "aws_s3_bucket_versioning", configAddress)[0]).toMatchObject({ versioning_configuration: { status: "Enabled" } });
    const sse = ofBucket(json, "aws_s3_bucket_server_side_encryption_configuration", configAddress)[0]!.rule as {
      apply_server_side_encryption_by_default: { sse_algorithm: string; kms_master_key_id: string };
    }[];
    expect(sse[0]!.apply_server_side_encryption_by_default).toMatchObject({ sse_algorithm: "aws:kms" });
    expect(sse[0]!.apply_server_side_encryption_by_default.kms_master_key_id).toMatch(
      /^\$\{aws_kms_key\.baseline_log-archive_key_[A-Z0-9]+\.arn\}$/,
    );
    expect(ofBucket(json, "aws_s3_bucket_public_access_block", configAddress)[0]).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(ofBucket(json, "aws_s3_bucket_ownership_controls", configAddress)[0]).toMatchObject({
      rule: { object_ownership: "BucketOwnerEnforced" },
    });
    const rule = (ofBucket(json, "aws_s3_bucket_lifecycle_configuration", configAddress)[0]!.rule as Record<string, unknown>[])[0]!;
    expect((rule.transition as { storage_class: string }[]).map((t) => t.storage_class)).toEqual(["STANDARD_IA", "GLACIER"]);
    expect(rule).toMatchObject({ expiration: [{ days: 2557 }], noncurrent_version_expiration: [{ noncurrent_days: 365 }] });
  });

  it("lets each account's Config write only under its own prefix of the Config bucket, and denies deletion and plain HTTP", () => {
    const write = configPolicy.find((s) => s.Sid === `ConfigWrite${PROD}`)!;
    expect(write.Principal).toEqual({ Service: "config.amazonaws.com" });
    expect(write.Resource).toBe(`arn:aws:s3:::acme-aws-config-${HUB}/config/AWSLogs/${PROD}/Config/*`);
    expect(write.Condition?.StringEquals).toEqual({ "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": PROD });
    expect(configPolicy.find((s) => s.Sid === "ConfigBucketChecks")?.Condition?.StringEquals?.["aws:SourceAccount"]).toEqual([HUB, PROD]);
    expect(configPolicy.find((s) => s.Sid === "DenyObjectDeletion")).toEqual({
      Sid: "DenyObjectDeletion",
      Effect: "Deny",
      Principal: "*",
      Action: ["s3:DeleteObject", "s3:DeleteObjectVersion"],
      Resource: `arn:aws:s3:::acme-aws-config-${HUB}/*`,
    });
    expect(configPolicy.find((s) => s.Sid === "DenyInsecureTransport")?.Condition?.Bool?.["aws:SecureTransport"]).toBe("false");
  });

  it("delivers the hub's Config to the Config bucket once its policy exists, and its trail to the archive, both with the key ARN", () => {
    const channel = resources(json, "aws_config_delivery_channel")[0]!;
    expect(channel).toMatchObject({ s3_bucket_name: `acme-aws-config-${HUB}`, s3_key_prefix: "config" });
    expect(channel.depends_on).toEqual(
      expect.arrayContaining([expect.stringMatching(/^aws_s3_bucket_policy\.baseline_config-bucket_policy_/)]),
    );
    expect(resources(json, "aws_cloudtrail")[0]!.s3_bucket_name).toBe(`acme-log-archive-${HUB}`);
    for (const arn of [channel.s3_kms_key_arn, resources(json, "aws_cloudtrail")[0]!.kms_key_id])
      expect(arn).toMatch(/^\$\{aws_kms_key\.baseline_log-archive_key_[A-Z0-9]+\.arn\}$/);
    expect(dataSources(json, "aws_kms_key")).toHaveLength(0);
  });

  it("lets CloudTrail and Config of every listed account use the archive key, and no one else", () => {
    const key = resources(json, "aws_kms_key").find((k) => String(k.description).startsWith("Central log archive"))!;
    const statements = statementsOf(key.policy);
    const ct = statements.find((s) => s.Sid === "CloudTrailEncryptsForLandingZoneTrails")!;
    expect(ct.Condition?.StringLike?.["kms:EncryptionContext:aws:cloudtrail:arn"]).toEqual([
      `arn:aws:cloudtrail:*:${HUB}:trail/*`,
      `arn:aws:cloudtrail:*:${PROD}:trail/*`,
    ]);
    expect(
      statements.find((s) => s.Sid === "ConfigEncryptsForLandingZoneAccounts")?.Condition?.StringEquals?.["aws:SourceAccount"],
    ).toEqual([HUB, PROD]);
  });

  it("builds the Config aggregator over every account", () => {
    expect(resources(json, "aws_config_configuration_aggregator")[0]).toMatchObject({
      account_aggregation_source: { account_ids: [HUB, PROD], regions: ["eu-west-1"] },
    });
    expect(resources(json, "aws_config_aggregate_authorization")).toHaveLength(0);
  });
});

describe("AccountBaseline in a workload account", () => {
  const json = build(PROD);

  it("builds a multi-Region, validated trail encrypted with the archive key, to the central bucket and an encrypted log group", () => {
    expect(resources(json, "aws_s3_bucket")).toHaveLength(0);
    expect(resources(json, "aws_cloudtrail")[0]).toMatchObject({
      name: "acme-trail",
      s3_bucket_name: `acme-log-archive-${HUB}`,
      s3_key_prefix: "cloudtrail",
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
    });
    const group = resources(json, "aws_cloudwatch_log_group").find((g) => g.name === "/aws/cloudtrail/acme-trail")!;
    expect(group).toMatchObject({ retention_in_days: 365 });
    expect(String(group.kms_key_id)).toMatch(/aws_kms_key\.keys_logs_key/);
  });

  it("gives CloudTrail and Config the archive key's ARN, read from its alias in the hub account, never the alias", () => {
    const [keyName, key] = Object.entries(json.data?.aws_kms_key ?? {})[0]!;
    expect(key).toEqual({ key_id: `arn:aws:kms:eu-west-1:${HUB}:alias/acme-log-archive`, provider: "aws.hub" });
    expect(resources(json, "aws_cloudtrail")[0]!.kms_key_id).toBe(`\${data.aws_kms_key.${keyName}.arn}`);
    expect(resources(json, "aws_config_delivery_channel")[0]!.s3_kms_key_arn).toBe(`\${data.aws_kms_key.${keyName}.arn}`);
    expect(JSON.stringify(json.resource)).not.toContain(":alias/");
  });

  it("throws when the archive is elsewhere and no provider can read its key", () => {
    expect(() =>
      synthJson((s) => {
        const keys = new AccountKeys(s, "keys", { accountId: PROD, region: "eu-west-1", namePrefix: "x" });
        new AccountBaseline(s, "baseline", { ...props(PROD), keys });
      }),
    ).toThrow(/archiveAccountProvider is required/);
  });

  it("records every supported and global resource type, delivers to the Config bucket, is enabled, and authorizes the aggregator", () => {
    expect(resources(json, "aws_config_configuration_recorder")[0]).toMatchObject({
      recording_group: { all_supported: true, include_global_resource_types: true },
    });
    expect(resources(json, "aws_config_delivery_channel")[0]).toMatchObject({
      s3_bucket_name: `acme-aws-config-${HUB}`,
      s3_key_prefix: "config",
    });
    expect(resources(json, "aws_config_configuration_recorder_status")[0]).toMatchObject({ is_enabled: true });
    expect(resources(json, "aws_config_aggregate_authorization")[0]).toMatchObject({ account_id: HUB, region: "eu-west-1" });
    const rules = resources(json, "aws_config_config_rule").map((r) => (r.source as { source_identifier: string }).source_identifier);
    expect(rules).toEqual(
      expect.arrayContaining([
        "ENCRYPTED_VOLUMES",
        "RDS_STORAGE_ENCRYPTED",
        "RDS_MULTI_AZ_SUPPORT",
        "S3_BUCKET_PUBLIC_READ_PROHIBITED",
        "INCOMING_SSH_DISABLED",
        "VPC_FLOW_LOGS_ENABLED",
        "MULTI_REGION_CLOUD_TRAIL_ENABLED",
      ]),
    );
  });

  it("enables GuardDuty with S3 protection on and EKS off, and Security Hub with FSBP and CIS 3.0.0", () => {
    expect(resources(json, "aws_guardduty_detector")[0]).toMatchObject({ enable: true });
    expect(Object.fromEntries(resources(json, "aws_guardduty_detector_feature").map((f) => [f.name, f.status]))).toEqual({
      S3_DATA_EVENTS: "ENABLED",
      EKS_AUDIT_LOGS: "DISABLED",
    });
    expect(
      resources(json, "aws_securityhub_standards_subscription")
        .map((s) => s.standards_arn)
        .sort(),
    ).toEqual([
      "arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0",
      "arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0",
    ]);
  });

  it("sends GuardDuty severity >= 7 and Security Hub HIGH/CRITICAL findings to the alert topic", () => {
    const patterns = resources(json, "aws_cloudwatch_event_rule").map((r) => JSON.parse(r.event_pattern as string));
    expect(patterns.find((p) => p.source[0] === "aws.guardduty").detail.severity).toEqual([{ numeric: [">=", 7] }]);
    expect(patterns.find((p) => p.source[0] === "aws.securityhub").detail.findings.Severity.Label).toEqual(["HIGH", "CRITICAL"]);
    expect(resources(json, "aws_cloudwatch_event_target").every((t) => t.arn === "arn:aws:sns:eu-west-1:1:alerts")).toBe(true);
  });

  it("hardens the account: EBS encryption by default, S3 account block, password policy, Access Analyzer, logged sessions", () => {
    expect(resources(json, "aws_ebs_encryption_by_default")[0]).toMatchObject({ enabled: true });
    expect(resources(json, "aws_s3_account_public_access_block")[0]).toMatchObject({
      block_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(resources(json, "aws_iam_account_password_policy")[0]).toMatchObject({
      minimum_password_length: 14,
      password_reuse_prevention: 24,
    });
    expect(resources(json, "aws_accessanalyzer_analyzer")[0]).toMatchObject({ type: "ACCOUNT" });
    const doc = resources(json, "aws_ssm_document")[0]!;
    expect(doc).toMatchObject({ name: "SSM-SessionManagerRunShell", document_type: "Session" });
    const inputs = JSON.parse(doc.content as string).inputs;
    expect(inputs).toMatchObject({ cloudWatchEncryptionEnabled: true, cloudWatchStreamingEnabled: true, runAsEnabled: false });
  });
});

describe("AccountBaseline adopting existing resources (importIds)", () => {
  const withImports = (importIds: BaselineImportIds, over: Partial<AccountBaselineProps> = {}) =>
    synthJson((s) => {
      const keys = new AccountKeys(s, "keys", { accountId: HUB, region: "eu-west-1", namePrefix: "x" });
      new AccountBaseline(s, "baseline", { ...props(HUB), keys, importIds, ...over });
    });
  const trailArn = `arn:aws:cloudtrail:eu-west-1:${HUB}:trail/acme-trail`;
  const json = withImports({
    logBucket: `acme-log-archive-${HUB}`,
    cloudTrail: trailArn,
    guardDutyDetector: "12abc34d567e8fa901bc2d34e56789f0",
    securityHubAccount: HUB,
    configRecorder: "default",
    configDeliveryChannel: "main",
  });
  const imports = json.import as { to: string; id: string }[];
  const typeOf = (id: string) => imports.find((b) => b.id === id)?.to.split(".")[0];

  it("imports each id into its resource, and names the recorder and channel after the adopted ones", () => {
    expect(imports).toHaveLength(6);
    expect(typeOf(`acme-log-archive-${HUB}`)).toBe("aws_s3_bucket");
    expect(typeOf(trailArn)).toBe("aws_cloudtrail");
    expect(typeOf("12abc34d567e8fa901bc2d34e56789f0")).toBe("aws_guardduty_detector");
    expect(typeOf(HUB)).toBe("aws_securityhub_account");
    expect(typeOf("default")).toBe("aws_config_configuration_recorder");
    expect(typeOf("main")).toBe("aws_config_delivery_channel");
    expect(resources(json, "aws_config_configuration_recorder")[0]).toMatchObject({ name: "default" });
    expect(resources(json, "aws_config_delivery_channel")[0]).toMatchObject({ name: "main" });
    expect(resources(json, "aws_config_configuration_recorder_status")[0]).toMatchObject({
      name: "${aws_config_configuration_recorder.baseline_config_recorder_323876CE.name}",
    });
  });

  it("lets a writer account's renamed trail write to the archive under its own name", () => {
    const renamed = withImports(
      {},
      { logArchive: { ...props(HUB).logArchive, writerTrailNames: { [HUB]: "acme-trail", [PROD]: "prod-events" } } },
    );
    const policy = JSON.stringify(resources(renamed, "aws_s3_bucket_policy"));
    expect(policy).toContain(`arn:aws:cloudtrail:eu-west-1:${PROD}:trail/prod-events`);
    expect(policy).not.toContain(`arn:aws:cloudtrail:eu-west-1:${PROD}:trail/acme-trail`);
  });

  it("throws when an import id names another bucket or trail than the ones it builds", () => {
    expect(() => withImports({ logBucket: "other-bucket" })).toThrow(
      "importIds.logBucket other-bucket is not the log archive bucket this account builds",
    );
    expect(() => withImports({ cloudTrail: `arn:aws:cloudtrail:eu-west-1:${HUB}:trail/other` })).toThrow(
      `importIds.cloudTrail arn:aws:cloudtrail:eu-west-1:${HUB}:trail/other is not a trail named acme-trail`,
    );
  });
});
