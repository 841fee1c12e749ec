/**
 * The log archive and security tooling stacks of the AWS Organizations layer, on the reference fixture in the SRA
 * layout (test/support/organization.ts): where the archive is, who delivers to it, the organization trail, the
 * delegated administrator's configuration, the stack order and the pipeline roles.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Testing } from "cdktf";
import { afterAll, describe, expect, it } from "vitest";
import { AccountStack } from "../../src/accounts/account-stack.js";
import { addOrganizationTrail } from "../../src/accounts/organization-trail.js";
import { loadConfig } from "../../src/config/index.js";
import { deployOrder } from "../../src/pipeline/deploy-order.js";
import { selectStacks, stackMatrix } from "../../src/pipeline/stacks.js";
import { cleanupConfigDirs } from "../support/config-dir.js";
import { LOG_ARCHIVE_ACCOUNT_ID, MANAGEMENT_ACCOUNT_ID, organizationWith, SECURITY_TOOLING_ACCOUNT_ID } from "../support/organization.js";
import { configSynthesis } from "../support/shared-synthesis.js";
import { dataSources, resources, type StackJson } from "../support/synth.js";

afterAll(cleanupConfigDirs);

const synthesis = configSynthesis(organizationWith());
const model = synthesis.model;
const json = (stack: string) => synthesis.json(stack);
const ARCHIVE_BUCKET = `acme-log-archive-${LOG_ARCHIVE_ACCOUNT_ID}`;
const CONFIG_BUCKET = `acme-aws-config-${LOG_ARCHIVE_ACCOUNT_ID}`;
const ALIAS_ARN = `arn:aws:kms:eu-west-1:${LOG_ARCHIVE_ACCOUNT_ID}:alias/acme-log-archive`;
const MEMBERS = ["network-hub", "workload-dev", "workload-prod", "workload-test"];
const ACCOUNT_STACKS = ["log-archive", "security-tooling", ...MEMBERS];

type Statement = { Sid?: string; Effect: string; Principal?: unknown; Action: string | string[]; Resource: unknown; Condition?: unknown };
const statementsOf = (policy: unknown): Statement[] => (JSON.parse(policy as string) as { Statement: Statement[] }).Statement;
const bucketsOf = (stack: StackJson) => resources(stack, "aws_s3_bucket").map((b) => b.bucket);

describe("the log archive in the AWS Organizations layout", () => {
  it("builds the stacks in order: organization, log archive, security tooling, hub, workloads, each depending on the ones before", () => {
    expect(synthesis.outcome.stacks).toEqual([
      "bootstrap",
      "organization",
      "log-archive",
      "security-tooling",
      "network-hub",
      "workload-dev",
      "workload-prod",
      "workload-test",
    ]);
    expect(deployOrder(model)).toEqual([
      "bootstrap",
      "organization",
      "log-archive",
      "security-tooling",
      "network-hub",
      "workload-dev",
      "workload-test",
      "workload-prod",
    ]);
    const manifest = JSON.parse(readFileSync(join(synthesis.outdir, "manifest.json"), "utf8")) as {
      stacks: Record<string, { dependencies: string[] }>;
    };
    expect(manifest.stacks.organization!.dependencies).toEqual([]);
    expect(manifest.stacks["log-archive"]!.dependencies).toEqual(["organization"]);
    expect([...manifest.stacks["security-tooling"]!.dependencies].sort()).toEqual(["log-archive", "organization"]);
    expect([...manifest.stacks["network-hub"]!.dependencies].sort()).toEqual(["log-archive", "organization", "security-tooling"]);
    // The pipeline's matrix records the same dependencies (it checks them against the manifest).
    const entries = stackMatrix(model, manifest);
    expect(entries.map((e) => `${e.stack}@${e.accountId}`)).toEqual([
      `organization@${MANAGEMENT_ACCOUNT_ID}`,
      `log-archive@${LOG_ARCHIVE_ACCOUNT_ID}`,
      `security-tooling@${SECURITY_TOOLING_ACCOUNT_ID}`,
      "network-hub@111111111111",
      "workload-dev@222222222222",
      "workload-prod@444444444444",
      "workload-test@333333333333",
    ]);
    expect(selectStacks(entries, "workloads").map((e) => e.stack)).toEqual(["workload-dev", "workload-prod", "workload-test"]);
  });

  it("puts the Object Lock archive and the Config bucket in the log archive account, in neither the hub nor a workload", () => {
    const archive = json("log-archive");
    expect(bucketsOf(archive)).toEqual(expect.arrayContaining([ARCHIVE_BUCKET, CONFIG_BUCKET]));
    const locked = resources(archive, "aws_s3_bucket").find((b) => b.bucket === ARCHIVE_BUCKET)!;
    expect(locked.object_lock_enabled).toBe(true);
    expect(locked.lifecycle).toEqual({ prevent_destroy: true });
    expect(resources(archive, "aws_s3_bucket_object_lock_configuration")[0]).toMatchObject({
      rule: { default_retention: { mode: "GOVERNANCE", days: 365 } },
    });
    expect(resources(archive, "aws_kms_alias").map((a) => a.name)).toContain("alias/acme-log-archive");
    for (const stack of ["security-tooling", ...MEMBERS]) {
      const buckets = bucketsOf(json(stack));
      expect(buckets, stack).not.toContain(ARCHIVE_BUCKET);
      expect(
        buckets.some((b) => String(b).includes("log-archive")),
        stack,
      ).toBe(false);
      expect(
        resources(json(stack), "aws_kms_alias").map((a) => a.name),
        stack,
      ).not.toContain("alias/acme-log-archive");
    }
  });

  it("delivers every account's trail and Config to the archive, encrypted with the archive key read by its alias ARN", () => {
    for (const stack of ACCOUNT_STACKS) {
      const j = json(stack);
      const trail = resources(j, "aws_cloudtrail")[0]!;
      expect(trail, stack).toMatchObject({ s3_bucket_name: ARCHIVE_BUCKET, s3_key_prefix: "cloudtrail", is_organization_trail: false });
      expect(resources(j, "aws_config_delivery_channel")[0], stack).toMatchObject({ s3_bucket_name: CONFIG_BUCKET });
      if (stack === "log-archive") continue;
      // Across accounts with the stack's own provider: no provider in the log archive account is needed.
      const keys = dataSources(j, "aws_kms_key");
      expect(keys, stack).toEqual([expect.objectContaining({ key_id: ALIAS_ARN })]);
      expect(keys[0]!.provider, stack).toBeUndefined();
      expect(String(trail.kms_key_id), stack).toMatch(/^\$\{data\.aws_kms_key\..*\.arn\}$/);
    }
  });

  it("lets every other account describe the archive key, and CloudTrail and Config of every account use it", () => {
    const archive = json("log-archive");
    const key = resources(archive, "aws_kms_key").find((k) => String(k.description).startsWith("Central log archive"))!;
    const statements = statementsOf(key.policy);
    const describe = statements.find((s) => s.Sid === "LandingZoneAccountsDescribeKey")!;
    expect(describe.Action).toBe("kms:DescribeKey");
    const readers = [SECURITY_TOOLING_ACCOUNT_ID, "111111111111", "222222222222", "333333333333", "444444444444", MANAGEMENT_ACCOUNT_ID];
    expect([...(describe.Principal as { AWS: string[] }).AWS].sort()).toEqual(readers.map((a) => `arn:aws:iam::${a}:root`).sort());
    const config = statements.find((s) => s.Sid === "ConfigEncryptsForLandingZoneAccounts")!;
    expect([...(config.Condition as { StringEquals: { "aws:SourceAccount": string[] } }).StringEquals["aws:SourceAccount"]].sort()).toEqual(
      [LOG_ARCHIVE_ACCOUNT_ID, ...readers.filter((a) => a !== MANAGEMENT_ACCOUNT_ID)].sort(),
    );
    const encrypt = statements.find((s) => s.Sid === "CloudTrailEncryptsForLandingZoneTrails")!;
    expect((encrypt.Condition as { StringEquals: { "aws:SourceArn": string[] } }).StringEquals["aws:SourceArn"]).toContain(
      `arn:aws:cloudtrail:eu-west-1:${MANAGEMENT_ACCOUNT_ID}:trail/acme-organization-trail`,
    );
  });

  it("admits the organization trail to the whole AWSLogs prefix, and every account's trail to its own prefix only", () => {
    const policy = resources(json("log-archive"), "aws_s3_bucket_policy").find((p) => String(p.bucket).includes("log-archive_bucket"));
    const statements = statementsOf(policy!.policy);
    const org = statements.find((s) => s.Sid === "CloudTrailWriteOrganizationTrail")!;
    expect(org).toMatchObject({
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `arn:aws:s3:::${ARCHIVE_BUCKET}/cloudtrail/AWSLogs/*`,
      Condition: {
        StringEquals: {
          "s3:x-amz-acl": "bucket-owner-full-control",
          "aws:SourceArn": `arn:aws:cloudtrail:eu-west-1:${MANAGEMENT_ACCOUNT_ID}:trail/acme-organization-trail`,
        },
      },
    });
    for (const account of ["111111111111", SECURITY_TOOLING_ACCOUNT_ID]) {
      expect(statements.find((s) => s.Sid === `CloudTrailWrite${account}`)!.Resource).toBe(
        `arn:aws:s3:::${ARCHIVE_BUCKET}/cloudtrail/AWSLogs/${account}/*`,
      );
    }
  });

  it("builds the organization trail for the management account's stack with addOrganizationTrail", () => {
    const app = Testing.app();
    const management = model.awsOrganizations!.management;
    const stack = new AccountStack(app, model, management, "organization");
    const trail = addOrganizationTrail(stack, model, stack.keys.logs.keyArn);
    expect(trail).toBeDefined();
    const j = JSON.parse(Testing.synth(stack)) as StackJson;
    const trails = resources(j, "aws_cloudtrail").filter((t) => t.is_organization_trail === true);
    expect(trails).toEqual([
      expect.objectContaining({
        name: "acme-organization-trail",
        s3_bucket_name: ARCHIVE_BUCKET,
        is_multi_region_trail: true,
        enable_log_file_validation: true,
      }),
    ]);
    expect(dataSources(j, "aws_kms_key").map((k) => k.key_id)).toContain(ALIAS_ARN);
    // Without the layer there is no organization trail to add.
    const plain = loadConfig("test/fixtures/reference");
    const hub = new AccountStack(Testing.app(), plain, plain.networkHub, "network-hub");
    expect(addOrganizationTrail(hub, plain, hub.keys.logs.keyArn)).toBeUndefined();
  });

  it("creates the bootstrap's pipeline roles in the log archive and security tooling accounts, with no way into the hub", () => {
    const roles = json("bootstrap").resource?.aws_iam_role ?? {};
    const named = (prefix: string) => Object.entries(roles).find(([k]) => k.startsWith(prefix))?.[1];
    for (const stack of ["log-archive", "security-tooling"])
      for (const role of ["plan", "apply", "deploy"]) expect(named(`${stack}-roles_${role}_`), `${stack} ${role}`).toBeDefined();
    // The hub's plan role trusts the plan roles of the stacks with a hub provider only (hub and workloads).
    const hubPlanTrust = String(named("network-hub-roles_plan_")!.assume_role_policy);
    expect(hubPlanTrust).toContain("arn:aws:iam::222222222222:role/landing-zone-github-plan");
    expect(hubPlanTrust).not.toContain(LOG_ARCHIVE_ACCOUNT_ID);
    expect(hubPlanTrust).not.toContain(SECURITY_TOOLING_ACCOUNT_ID);
    // No workload reads the archive key in the hub any more: the hub attachment roles lose that statement.
    expect(synthesis.text("bootstrap")).not.toContain("ReadArchiveKey");
  });
});

describe("the security tooling account as delegated administrator", () => {
  const security = json("security-tooling");
  const one = (type: string) => {
    const all = resources(security, type);
    expect(all, type).toHaveLength(1);
    return all[0]!;
  };

  it("auto-enables GuardDuty in every member account on its own detector, with the baseline's protections", () => {
    expect(one("aws_guardduty_organization_configuration")).toMatchObject({
      auto_enable_organization_members: "ALL",
      detector_id: expect.stringMatching(/^\$\{aws_guardduty_detector\..*\.id\}$/),
    });
    const features = Object.fromEntries(
      resources(security, "aws_guardduty_organization_configuration_feature").map((f) => [f.name, f.auto_enable]),
    );
    expect(features).toEqual({ S3_DATA_EVENTS: "ALL", EKS_AUDIT_LOGS: "NONE" });
  });

  it("configures Security Hub centrally: aggregator first, CENTRAL, a policy with FSBP and CIS associated with the root", () => {
    expect(one("aws_securityhub_finding_aggregator")).toMatchObject({ linking_mode: "NO_REGIONS" });
    const central = one("aws_securityhub_organization_configuration");
    expect(central).toMatchObject({
      auto_enable: false,
      auto_enable_standards: "NONE",
      organization_configuration: { configuration_type: "CENTRAL" },
    });
    expect(central.depends_on).toEqual([expect.stringMatching(/^aws_securityhub_finding_aggregator\./)]);
    const policy = one("aws_securityhub_configuration_policy");
    expect(policy.configuration_policy).toEqual({
      service_enabled: true,
      enabled_standard_arns: [
        "arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0",
        "arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0",
      ],
      security_controls_configuration: { disabled_control_identifiers: [] },
    });
    expect(policy.depends_on).toEqual([expect.stringMatching(/^aws_securityhub_organization_configuration\./)]);
    expect(one("aws_securityhub_configuration_policy_association").target_id).toMatch(
      /^\$\{data\.aws_organizations_organization\..*\.roots\[0\]\.id\}$/,
    );
    // The configuration policy sets the standards: no subscription of its own here.
    expect(resources(security, "aws_securityhub_standards_subscription")).toEqual([]);
    expect(resources(security, "aws_securityhub_account")).toHaveLength(1);
  });

  it("aggregates AWS Config across the organization with a role AWS Config assumes", () => {
    const aggregator = one("aws_config_configuration_aggregator");
    expect(aggregator).toMatchObject({
      name: "acme-config-aggregator",
      organization_aggregation_source: { regions: ["eu-west-1"], role_arn: expect.stringMatching(/^\$\{aws_iam_role\./) },
    });
    expect(aggregator.account_aggregation_source).toBeUndefined();
    const attachments = resources(security, "aws_iam_role_policy_attachment").map((a) => a.policy_arn);
    expect(attachments).toContain("arn:aws:iam::aws:policy/service-role/AWSConfigRoleForOrganizations");
    for (const stack of ["log-archive", ...MEMBERS]) {
      expect(resources(json(stack), "aws_config_configuration_aggregator"), stack).toEqual([]);
      expect(resources(json(stack), "aws_config_aggregate_authorization"), stack).toEqual([]);
    }
  });

  it("analyzes the organization with IAM Access Analyzer and routes findings to its alert topic", () => {
    const analyzers = resources(security, "aws_accessanalyzer_analyzer");
    expect(analyzers.filter((a) => a.type === "ORGANIZATION").map((a) => a.analyzer_name)).toEqual(["acme-security-tooling-organization"]);
    const rules = resources(security, "aws_cloudwatch_event_rule");
    const patterns = rules.map((r) => JSON.parse(r.event_pattern as string) as { source: string[] });
    expect(patterns.map((p) => p.source[0]).sort()).toEqual(["aws.access-analyzer", "aws.guardduty", "aws.securityhub"]);
    const topic = resources(security, "aws_sns_topic")[0]!;
    expect(topic.name).toBe("acme-security-tooling-alerts");
    for (const target of resources(security, "aws_cloudwatch_event_target")) expect(target.arn).toMatch(/^\$\{aws_sns_topic\./);
  });

  it("leaves GuardDuty and Security Hub of every other account to the administrator, keeping their finding rules", () => {
    for (const stack of ["log-archive", ...MEMBERS]) {
      const j = json(stack);
      for (const type of [
        "aws_guardduty_detector",
        "aws_guardduty_detector_feature",
        "aws_securityhub_account",
        "aws_securityhub_standards_subscription",
      ])
        expect(resources(j, type), `${stack} ${type}`).toEqual([]);
      expect(resources(j, "aws_cloudwatch_event_rule").length, stack).toBeGreaterThanOrEqual(2);
    }
    expect(resources(security, "aws_guardduty_detector")).toHaveLength(1);
  });

  it("passes the policy pack with no finding", () => {
    expect(synthesis.outcome.policy.errors).toEqual([]);
    expect(synthesis.outcome.policy.warnings).toEqual([]);
  });
});
