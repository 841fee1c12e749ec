import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { describe, expect, it } from "vitest";
import { AppDistribution } from "../../src/modules/edge/distribution.js";
import { WebAcl, webAclRules } from "../../src/modules/edge/web-acl.js";
import { CloudFrontOnlyAlb, type CloudFrontOnlyAlbProps } from "../../src/modules/load-balancer/alb.js";
import { SynthStack } from "../../src/policy/index.js";
import { creationOrder } from "../../src/policy/rules/creation-order.js";
import { securityGroupQuota } from "../../src/policy/rules/security-group-quota.js";
import { resources, resourcesByName, synthJson } from "../support/synth.js";

const albProps = (over: Partial<CloudFrontOnlyAlbProps> = {}): Omit<CloudFrontOnlyAlbProps, "accessLogBucketPolicy"> => ({
  name: "acme-prod-alb",
  vpcId: "vpc-1",
  vpcCidr: "10.30.0.0/16",
  subnetIds: ["subnet-a", "subnet-b"],
  originHeaderValue: "${aws_secretsmanager_secret_version.h.secret_string}",
  accessLogBucket: "acme-prod-alb-logs",
  testListener: true,
  ...over,
});

/** The ALB with a log bucket and its policy in the same stack, as the app tier builds it. */
const buildAlb = (over: Partial<CloudFrontOnlyAlbProps> = {}) =>
  synthJson((s) => {
    const bucket = new S3Bucket(s, "alb-logs", { bucket: "acme-prod-alb-logs" });
    const policy = new S3BucketPolicy(s, "alb-logs-policy", { bucket: bucket.id, policy: "{}" });
    new CloudFrontOnlyAlb(s, "alb", { ...albProps(over), accessLogBucketPolicy: policy });
  });

const prefixListIngress = (json: ReturnType<typeof synthJson>) =>
  resources(json, "aws_vpc_security_group_ingress_rule").filter((r) => r.prefix_list_id !== undefined);

describe("CloudFrontOnlyAlb", () => {
  it("references CloudFront's origin-facing list (weight 55 of 60) in one ingress rule, on 443 with a certificate", () => {
    const json = buildAlb({ certificateArn: "arn:aws:acm:eu-west-1:444444444444:certificate/c" });
    expect(prefixListIngress(json).map((r) => [r.from_port, r.to_port])).toEqual([[443, 443]]);
    expect(resources(json, "aws_lb_listener").map((l) => l.port)).toEqual([443, 8443]);
    const stack = new SynthStack("t", json);
    for (const sg of stack.ofType("aws_security_group")) expect(securityGroupQuota.check(sg, stack).status).toBe("compliant");
  });

  it("throws when an internet-facing ALB has no origin header, its only lock against other distributions", () => {
    const { originHeaderValue: _, ...noHeader } = albProps();
    expect(() =>
      synthJson((s) => {
        const policy = new S3BucketPolicy(s, "p", { bucket: "b", policy: "{}" });
        new CloudFrontOnlyAlb(s, "alb", { ...noHeader, accessLogBucketPolicy: policy });
      }),
    ).toThrow("alb: an internet-facing ALB needs originHeaderValue");
  });

  it("builds an internal ALB without the header, forwarding on the path alone", () => {
    const { originHeaderValue: _, ...noHeader } = albProps();
    const json = synthJson((s) => {
      const policy = new S3BucketPolicy(s, "p", { bucket: "b", policy: "{}" });
      const alb = new CloudFrontOnlyAlb(s, "alb", { ...noHeader, internal: true, accessLogBucketPolicy: policy });
      alb.addServiceRoute({ id: "api", priority: 100, pathPatterns: ["/api/*"], targetGroupArn: "arn:tg" });
    });
    expect(resources(json, "aws_lb")[0]).toMatchObject({ internal: true, subnets: ["subnet-a", "subnet-b"] });
    expect(resources(json, "aws_lb_listener_rule")[0]!.condition).toEqual([{ path_pattern: { values: ["/api/*"] } }]);
  });

  it("references the list in one ingress rule on 80 without a certificate", () => {
    expect(prefixListIngress(buildAlb()).map((r) => [r.from_port, r.to_port])).toEqual([[80, 80]]);
  });

  it("creates the load balancer after the access-log bucket policy, which ELB checks when access logs are enabled", () => {
    const json = buildAlb();
    const [address] = Object.keys(resourcesByName(json, "aws_s3_bucket_policy"));
    const lb = resources(json, "aws_lb")[0]!;
    expect(lb.depends_on).toEqual([`aws_s3_bucket_policy.${address}`]);
    const stack = new SynthStack("t", json);
    expect(creationOrder.check(stack.ofType("aws_lb")[0]!, stack).status).toBe("compliant");
  });
});

describe("AppDistribution", () => {
  it("creates the distribution after the log bucket's ownership controls, which enable the ACLs standard logging needs", () => {
    const json = synthJson((s) => {
      const bucket = new S3Bucket(s, "cf-logs", { bucket: "acme-prod-cf-logs" });
      const ownership = new S3BucketOwnershipControls(s, "cf-logs-ownership", {
        bucket: bucket.id,
        rule: { objectOwnership: "BucketOwnerPreferred" },
      });
      new AppDistribution(s, "cdn", {
        name: "acme-prod",
        frontendBucketDomainName: "frontend.s3.eu-west-1.amazonaws.com",
        albOriginDomainName: "origin.acme.example",
        albOriginHttps: true,
        originHeader: { name: "X-Origin-Verify", value: "secret" },
        albPathPatterns: ["/api/*"],
        webAclArn: "arn:aws:wafv2:us-east-1:444444444444:global/webacl/edge/1",
        logBucketDomainName: bucket.bucketDomainName,
        logBucketOwnershipControls: ownership,
      });
    });
    const [address] = Object.keys(resourcesByName(json, "aws_s3_bucket_ownership_controls"));
    expect(resources(json, "aws_cloudfront_distribution")[0]!.depends_on).toEqual([`aws_s3_bucket_ownership_controls.${address}`]);
    const stack = new SynthStack("t", json);
    expect(creationOrder.check(stack.ofType("aws_cloudfront_distribution")[0]!, stack).status).toBe("compliant");
  });
});

describe("WebAcl", () => {
  const common = { name: "acme-prod-alb", managedRuleGroups: ["AWSManagedRulesCommonRuleSet"] };

  it("rate-limits per source IP only when given a rate (the CLOUDFRONT-scope ACL, where the source is the viewer)", () => {
    const statements = (rules: ReturnType<typeof webAclRules>) => rules.map((r) => Object.keys(r.Statement)[0]);
    expect(statements(webAclRules(common))).toEqual(["ManagedRuleGroupStatement"]);
    expect(webAclRules({ ...common, ratePerFiveMinutes: 2000 })[0]!.Statement).toEqual({
      RateBasedStatement: { Limit: 2000, AggregateKeyType: "IP", EvaluationWindowSec: 300 },
    });
  });

  it("writes no rate-based rule into a regional ACL built without a rate", () => {
    const json = synthJson(
      (s) => new WebAcl(s, "acl", { ...common, scope: "REGIONAL", logRetentionDays: 365, accountId: "444444444444", region: "eu-west-1" }),
    );
    expect(String(resources(json, "aws_wafv2_web_acl")[0]!.rule_json)).not.toContain("RateBasedStatement");
  });
});
