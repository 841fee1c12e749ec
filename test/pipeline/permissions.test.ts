/**
 * The pure part of the pipeline roles: Terraform type → IAM service, stack JSON → footprint, footprint → policy
 * documents (src/pipeline/service-prefixes.ts, footprint.ts, permissions.ts, hub-attachment.ts).
 */
import { describe, expect, it } from "vitest";
import { type AccountFootprint, stackFootprints } from "../../src/pipeline/footprint.js";
import { checkHubSideFootprint, hubAttachmentStatements } from "../../src/pipeline/hub-attachment.js";
import { boundaryStatements } from "../../src/pipeline/boundary.js";
import { deployRoleStatements } from "../../src/pipeline/permissions.js";
import { planReadStatements, secretArnPatterns } from "../../src/pipeline/plan-reads.js";
import { SERVICE_OF_TYPE, serviceOfType, servicesOfTypes, UnknownResourceTypeError } from "../../src/pipeline/service-prefixes.js";

const footprint = (over: Partial<AccountFootprint> = {}): AccountFootprint => ({
  stack: "workload-dev",
  accountId: "222222222222",
  regions: ["eu-west-1"],
  resourceTypes: [],
  dataSourceTypes: [],
  roleNames: [],
  policyNames: [],
  attachedPolicyArns: [],
  serviceLinkedRoleServices: [],
  secretsRead: [],
  secretsManaged: [],
  readsRandomPasswords: false,
  organizationTrail: false,
  ...over,
});
const SCOPE = { partition: "aws", accountId: "222222222222", boundaryArn: "arn:aws:iam::222222222222:policy/acme-landing-zone-boundary" };
const sid = <T extends { Sid?: string }>(statements: readonly T[], name: string): T | undefined => statements.find((s) => s.Sid === name);

describe("the IAM service of a Terraform type", () => {
  it.each([
    ["aws_vpc", "ec2"],
    ["aws_subnet", "ec2"],
    ["aws_route", "ec2"],
    ["aws_route_table_association", "ec2"],
    ["aws_route53_record", "route53"],
    ["aws_ec2_transit_gateway_vpc_attachment_accepter", "ec2"],
    ["aws_eip", "ec2"],
    ["aws_nat_gateway", "ec2"],
    ["aws_db_instance", "rds"],
    ["aws_elasticache_replication_group", "elasticache"],
    ["aws_lb_listener_rule", "elasticloadbalancing"],
    ["aws_lb", "elasticloadbalancing"],
    ["aws_cloudwatch_log_group", "logs"],
    ["aws_cloudwatch_event_rule", "events"],
    ["aws_cloudwatch_metric_alarm", "cloudwatch"],
    ["aws_cloudwatch_dashboard", "cloudwatch"],
    ["aws_networkfirewall_firewall", "network-firewall"],
    ["aws_dx_transit_virtual_interface", "directconnect"],
    ["aws_customer_gateway", "ec2"],
    ["aws_vpn_connection", "ec2"],
    ["aws_appautoscaling_target", "application-autoscaling"],
    ["aws_accessanalyzer_analyzer", "access-analyzer"],
    ["aws_s3_account_public_access_block", "s3"],
    ["aws_iam_account_password_policy", "iam"],
    ["aws_cloudtrail", "cloudtrail"],
    ["aws_availability_zones", "ec2"],
  ])("maps %s to %s", (type, service) => {
    expect(serviceOfType(type)).toBe(service);
  });

  it("maps types Terraform evaluates locally to no service", () => {
    expect(serviceOfType("aws_iam_policy_document")).toBeNull();
    expect(servicesOfTypes(["aws_iam_policy_document", "aws_partition", "aws_vpc", "aws_subnet"])).toEqual(["ec2"]);
  });

  it("throws naming the type and where it was found when no row matches", () => {
    expect(() => serviceOfType("aws_gamelift_fleet", "workload-prod: aws_gamelift_fleet.api")).toThrow(UnknownResourceTypeError);
    expect(() => serviceOfType("aws_gamelift_fleet", "workload-prod: aws_gamelift_fleet.api")).toThrow(
      /^workload-prod: aws_gamelift_fleet\.api: no IAM service is known for the Terraform type aws_gamelift_fleet.*SERVICE_OF_TYPE/,
    );
  });

  it("keeps the table sorted and free of duplicate rows", () => {
    const matches = SERVICE_OF_TYPE.map((r) => r.match);
    expect(matches).toEqual([...matches].sort());
    expect(new Set(matches).size).toBe(matches.length);
  });
});

describe("the footprint of a stack", () => {
  const json = {
    provider: {
      aws: [
        { region: "eu-west-1", allowed_account_ids: ["222222222222"] },
        { alias: "hub", region: "eu-west-1", allowed_account_ids: ["111111111111"] },
        { alias: "us-east-1", region: "us-east-1", allowed_account_ids: ["222222222222"] },
      ],
    },
    resource: {
      aws_vpc: { vpc: {} },
      aws_iam_role: { task: { name: "acme-dev-task" }, trail: { name_prefix: "cloudtrail-logs-" } },
      aws_iam_role_policy_attachment: { a: { role: "${aws_iam_role.task.name}", policy_arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" } },
      aws_ec2_transit_gateway_vpc_attachment_accepter: { accept: { provider: "aws.hub" } },
      aws_wafv2_web_acl: { edge: { provider: "aws.us-east-1" } },
      aws_secretsmanager_secret: { s: { name: "acme-dev/token" } },
    },
    data: {
      aws_ec2_transit_gateway: { tgw: { provider: "aws.hub" } },
      aws_secretsmanager_secret_version: { key: { secret_id: "acme/key" }, own: { secret_id: "${aws_secretsmanager_secret.s.id}" } },
    },
  };

  it("attributes every resource to the account its provider pins, one entry per account", () => {
    const [hub, dev] = stackFootprints("workload-dev", json);
    expect(hub).toMatchObject({
      accountId: "111111111111",
      resourceTypes: ["aws_ec2_transit_gateway_vpc_attachment_accepter"],
      dataSourceTypes: ["aws_ec2_transit_gateway"],
    });
    expect(dev).toMatchObject({
      accountId: "222222222222",
      regions: ["eu-west-1", "us-east-1"],
      roleNames: ["acme-dev-task", "cloudtrail-logs-*"],
      attachedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
      secretsRead: [{ region: "eu-west-1", secretId: "acme/key" }],
      secretsManaged: [{ region: "eu-west-1", secretId: "acme-dev/token" }],
    });
  });

  it("throws when a provider pins no single account", () => {
    expect(() => stackFootprints("x", { provider: { aws: [{ region: "eu-west-1" }] }, resource: {} })).toThrow(
      /does not pin exactly one account/,
    );
  });

  it("throws when a role's name is an expression the deploy role's policy could not name", () => {
    const bad = { provider: json.provider, resource: { aws_iam_role: { r: { name: "${var.name}" } } } };
    expect(() => stackFootprints("x", bad)).toThrow("x: aws_iam_role.r.name is not a literal string");
  });
});

describe("the deploy role's policy", () => {
  const fp = footprint({
    resourceTypes: ["aws_db_instance", "aws_iam_role", "aws_iam_role_policy_attachment", "aws_vpc"],
    dataSourceTypes: ["aws_iam_policy_document"],
    roleNames: ["acme-dev-monitoring", "vpc-flow-logs-*"],
    attachedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"],
  });
  const policy = deployRoleStatements(SCOPE, [fp]);

  it("allows exactly the services of the stack's types, at service level, IAM excepted", () => {
    expect(sid(policy, "ServicesOfTheStack")).toEqual({
      Sid: "ServicesOfTheStack",
      Effect: "Allow",
      Action: ["ec2:*", "rds:*"],
      Resource: "*",
    });
    expect(policy.flatMap((s) => [s.Action].flat())).not.toContain("iam:*");
  });

  it("lets it write only the stack's roles, only with the boundary, and attach only the stack's managed policies", () => {
    const roles = ["arn:aws:iam::222222222222:role/acme-dev-monitoring", "arn:aws:iam::222222222222:role/vpc-flow-logs-*"];
    expect(sid(policy, "WriteStackRolesWithBoundary")).toMatchObject({
      Resource: roles,
      Condition: { StringEquals: { "iam:PermissionsBoundary": SCOPE.boundaryArn } },
    });
    expect(sid(policy, "AttachStackPoliciesWithBoundary")?.Condition).toEqual({
      StringEquals: { "iam:PermissionsBoundary": SCOPE.boundaryArn },
      ArnEquals: { "iam:PolicyARN": ["arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"] },
    });
    expect(sid(policy, "PassStackRoles")).toMatchObject({ Action: "iam:PassRole", Resource: roles });
    expect(sid(policy, "CreateServiceLinkedRoles")?.Condition).toEqual({ StringEquals: { "iam:AWSServiceName": ["rds.amazonaws.com"] } });
  });

  it("lets it create CloudFront's VPC-origin service-linked role where the stack has a VPC origin", () => {
    const withOrigin = deployRoleStatements(SCOPE, [footprint({ resourceTypes: ["aws_cloudfront_vpc_origin", "aws_lb"] })]);
    expect(sid(withOrigin, "CreateServiceLinkedRoles")?.Condition).toEqual({
      StringEquals: { "iam:AWSServiceName": ["elasticloadbalancing.amazonaws.com", "vpcorigin.cloudfront.amazonaws.com"] },
    });
  });

  it("throws for a type without a service, naming the stack", () => {
    expect(() => deployRoleStatements(SCOPE, [footprint({ resourceTypes: ["aws_gamelift_fleet"] })])).toThrow(
      /^workload-dev: aws_gamelift_fleet: no IAM service/,
    );
  });

  it("throws for an IAM resource type its IAM statements do not cover", () => {
    expect(() => deployRoleStatements(SCOPE, [footprint({ resourceTypes: ["aws_iam_user"] })])).toThrow(
      "workload-dev: the deploy role has no IAM statement for aws_iam_user",
    );
  });
});

describe("the permissions boundary", () => {
  it("denies the state bucket and key only in the state account", () => {
    const base = {
      partition: "aws",
      accountId: "111111111111",
      boundaryArn: "arn:aws:iam::111111111111:policy/b",
      pipelineRoleArns: ["r"],
    };
    expect(boundaryStatements(base).map((s) => s.Sid)).not.toContain("DenyStateBucket");
    const state = boundaryStatements({
      ...base,
      state: { bucketArn: "arn:aws:s3:::state", keyArn: "arn:aws:kms:eu-west-1:111111111111:key/k" },
    });
    expect(sid(state, "DenyStateBucket")).toMatchObject({
      Effect: "Deny",
      Action: "s3:*",
      Resource: ["arn:aws:s3:::state", "arn:aws:s3:::state/*"],
    });
    expect(sid(state, "DenyStateKey")).toMatchObject({ Effect: "Deny", Action: "kms:*" });
  });
});

describe("what a plan reads beyond ReadOnlyAccess", () => {
  it("matches a secret name with Secrets Manager's six-character suffix, and an ARN as given or partial", () => {
    expect(secretArnPatterns("aws", "1", { region: "eu-west-1", secretId: "a/b" })).toEqual([
      "arn:aws:secretsmanager:eu-west-1:1:secret:a/b-??????",
    ]);
    expect(secretArnPatterns("aws", "1", { region: "eu-west-1", secretId: "arn:aws:secretsmanager:eu-west-1:2:secret:x" })).toEqual([
      "arn:aws:secretsmanager:eu-west-1:2:secret:x",
      "arn:aws:secretsmanager:eu-west-1:2:secret:x-??????",
    ]);
  });

  it("is nothing for a stack that reads no secret", () => {
    expect(planReadStatements("aws", "2", [footprint({ resourceTypes: ["aws_vpc"] })])).toEqual([]);
  });

  it("adds GetRandomPassword for stacks that read aws_secretsmanager_random_password", () => {
    expect(planReadStatements("aws", "2", [footprint({ readsRandomPasswords: true })])).toEqual([
      { Sid: "GenerateRandomPasswords", Effect: "Allow", Action: "secretsmanager:GetRandomPassword", Resource: "*" },
    ]);
  });
});

describe("the hub attachment role", () => {
  it("throws when a workload stack manages anything else in the hub", () => {
    const hubSide = footprint({
      accountId: "111111111111",
      resourceTypes: ["aws_ec2_transit_gateway_route", "aws_ec2_transit_gateway_vpc_attachment_accepter"],
    });
    expect(() => checkHubSideFootprint(hubSide)).toThrow(
      "workload-dev: manages aws_ec2_transit_gateway_route in the network hub account (111111111111), which its hub attachment role does not allow.",
    );
  });

  it("names each planned route table once", () => {
    const statements = hubAttachmentStatements({
      partition: "aws",
      accountId: "111111111111",
      region: "eu-west-1",
      attachmentName: "acme-dev",
      routeTableNames: ["acme-tgw-nonprod", "acme-tgw-onprem", "acme-tgw-nonprod"],
      archiveKeyAlias: "alias/acme-log-archive",
    });
    expect(sid(statements, "WirePlannedRouteTables")?.Condition).toEqual({
      StringEquals: { "aws:ResourceTag/Name": ["acme-tgw-nonprod", "acme-tgw-onprem"] },
    });
  });

  it("lets the workload read the log archive key's ARN through its alias, and no other key", () => {
    const statements = hubAttachmentStatements({
      partition: "aws",
      accountId: "111111111111",
      region: "eu-west-1",
      attachmentName: "acme-dev",
      routeTableNames: ["acme-tgw-nonprod"],
      archiveKeyAlias: "alias/acme-log-archive",
    });
    expect(sid(statements, "ReadArchiveKey")).toEqual({
      Sid: "ReadArchiveKey",
      Effect: "Allow",
      Action: "kms:DescribeKey",
      Resource: "arn:aws:kms:eu-west-1:111111111111:key/*",
      Condition: { "ForAnyValue:StringEquals": { "kms:ResourceAliases": "alias/acme-log-archive" } },
    });
  });
});
