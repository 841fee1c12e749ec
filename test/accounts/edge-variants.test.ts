/**
 * The app edge's variants on the reference config (test/fixtures/reference), through the policy pack: prod behind a
 * CloudFront VPC origin to an internal ALB without the secret header, test behind a VPC origin keeping the header.
 * The shipped variant (an internet-facing ALB with the header) is covered by app-tier.test.ts. See docs/app-edge.md.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SynthOutcome, synthesizeChecked } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { buildDiagram, type DiagramCluster, ids } from "../../src/diagram/index.js";
import { cleanupConfigDirs, problemsOf, referenceWith, replace } from "../support/config-dir.js";
import { resources, resourcesByName, type StackJson } from "../support/synth.js";

afterAll(cleanupConfigDirs);

/** prod: a VPC origin without the secret header; test: a VPC origin with it. */
const vpcOriginDir = () =>
  referenceWith({
    "prod.yaml": replace("app:\n", "app:\n  edge:\n    origin: vpc-origin\n    originSecretHeader: false\n"),
    "test.yaml": replace("app:\n", "app:\n  edge:\n    origin: vpc-origin\n"),
  });

interface Synth {
  readonly outcome: SynthOutcome;
  json(stack: string): StackJson;
}

function synth(dir: string): Synth {
  const out = mkdtempSync(join(tmpdir(), "lz-edge-variants-"));
  const outcome = synthesizeChecked(loadConfig(dir), out);
  return { outcome, json: (stack) => JSON.parse(readFileSync(join(out, "stacks", stack, "cdk.tf.json"), "utf8")) as StackJson };
}

const only = <T>(list: readonly T[]): T => {
  expect(list).toHaveLength(1);
  return list[0]!;
};
const albOrigin = (json: StackJson) =>
  only((only(resources(json, "aws_cloudfront_distribution")).origin as Record<string, unknown>[]).filter((o) => o.origin_id === "alb"));
const ruleConditions = (json: StackJson) =>
  resources(json, "aws_lb_listener_rule").map((r) => (r.condition as Record<string, unknown>[]).map((c) => Object.keys(c)[0]));

describe("app edge variants", () => {
  let vpcOrigin: Synth;
  beforeAll(() => {
    vpcOrigin = synth(vpcOriginDir());
  });

  it("passes the policy pack with VPC origins, with and without the secret header", () => {
    expect(vpcOrigin.outcome.policy.errors).toEqual([]);
    expect(vpcOrigin.outcome.policy.warnings).toEqual([]);
  });

  it("puts the ALB in the private app subnets as an internal load balancer", () => {
    for (const stack of ["workload-prod", "workload-test"]) {
      const lb = only(resources(vpcOrigin.json(stack), "aws_lb"));
      expect(lb.internal).toBe(true);
      expect(lb.subnets).toEqual(expect.arrayContaining([expect.stringMatching(/private-app/)]));
      expect(JSON.stringify(lb.subnets)).not.toMatch(/public/);
    }
  });

  it("reaches the ALB through an HTTPS VPC origin named like the ALB, TLS 1.2 only", () => {
    const json = vpcOrigin.json("workload-prod");
    const [address, origin] = only(Object.entries(resourcesByName(json, "aws_cloudfront_vpc_origin")));
    const config = only(origin.vpc_origin_endpoint_config as Record<string, unknown>[]);
    expect(config).toMatchObject({
      name: "acme-prod-alb",
      http_port: 80,
      https_port: 443,
      origin_protocol_policy: "https-only",
      origin_ssl_protocols: [{ items: ["TLSv1.2"], quantity: 1 }],
    });
    expect(config.arn).toMatch(/^\$\{aws_lb\..*\.arn\}$/);
    const alb = albOrigin(json);
    expect(alb.vpc_origin_config).toEqual({ vpc_origin_id: `\${aws_cloudfront_vpc_origin.${address}.id}` });
    expect(alb.custom_origin_config).toBeUndefined();
    // The origin name stays the certificate's (SNI), though no DNS record carries it.
    expect(alb.domain_name).toBe("origin-www.acme.example");
  });

  it("drops the secret header, its secret and the header condition only where originSecretHeader is false", () => {
    const prod = vpcOrigin.json("workload-prod");
    expect(albOrigin(prod).custom_header).toBeUndefined();
    expect(Object.keys(resourcesByName(prod, "aws_secretsmanager_secret")).filter((k) => k.includes("origin-header"))).toEqual([]);
    expect(ruleConditions(prod).flat()).not.toContain("http_header");
    const test = vpcOrigin.json("workload-test");
    expect(albOrigin(test).custom_header).toEqual([expect.objectContaining({ name: "X-Origin-Verify" })]);
    for (const conditions of ruleConditions(test)) expect(conditions).toContain("http_header");
  });

  it("creates no public origin record and no Shield protection for the internal ALB", () => {
    const prod = vpcOrigin.json("workload-prod");
    const records = Object.values(resourcesByName(prod, "aws_route53_record")).map((r) => r.name);
    expect(records).not.toContain("origin-www.acme.example");
    expect(records).toContain("www.acme.example");
    const protections = resources(prod, "aws_shield_protection").map((p) => p.name);
    expect(protections).toEqual(["acme-prod-distribution"]);
  });

  it("keeps the regional web ACL on the internal ALB", () => {
    const prod = vpcOrigin.json("workload-prod");
    expect(only(resources(prod, "aws_wafv2_web_acl_association")).resource_arn).toMatch(/^\$\{aws_lb\./);
  });

  it("draws the internal ALB in the VPC, reached through the VPC origin", () => {
    const diagram = buildDiagram(loadConfig(vpcOriginDir()));
    const all = (cs: readonly DiagramCluster[]): DiagramCluster[] => cs.flatMap((c) => [c, ...all(c.clusters)]);
    const node = (id: string) =>
      all(diagram.clusters)
        .flatMap((c) => c.nodes)
        .find((n) => n.id === id);
    expect(node(ids.alb("prod"))?.lines).toEqual(["ALB (internal)", "acme-prod-alb", "in the private app subnets"]);
    expect(node(ids.alb("dev"))?.lines).toEqual(["ALB", "acme-dev-alb", "in the public subnets"]);
    expect(diagram.edges.find((e) => e.from === ids.waf("prod") && e.to === ids.alb("prod"))?.label).toBe("VPC origin · HTTPS");
  });

  it("rejects a CloudFront distribution as the failover standby, at its line", () => {
    const dir = referenceWith({
      "prod.yaml": replace(
        "    recordName: www\n",
        "    recordName: www\n    failover:\n      secondary: {dnsName: d111111abcdef8.cloudfront.net, hostedZoneId: Z2FDTNDATAQYW2}\n",
      ),
    });
    expect(problemsOf(dir)).toEqual([
      "<dir>/prod.yaml:30:28 app.domain.failover.secondary.dnsName: the primary failover record already points at a CloudFront distribution, and Route 53 refuses CloudFront as the target of both (https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html). Write a regional standby endpoint, for example a load balancer in another Region.",
    ]);
  });

  it("rejects originSecretHeader: false on an internet-facing ALB, at its line", () => {
    const dir = referenceWith({ "prod.yaml": replace("app:\n", "app:\n  edge:\n    originSecretHeader: false\n") });
    expect(problemsOf(dir)).toEqual([
      "<dir>/prod.yaml:27:25 app.edge.originSecretHeader: an internet-facing ALB admits CloudFront's origin-facing prefix list, which every CloudFront distribution shares; the secret header is what keeps other distributions out (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/restrict-access-to-load-balancer.html). Write originSecretHeader: true, or origin: vpc-origin for an internal ALB.",
    ]);
  });

  it("rejects an unknown origin with the two choices", () => {
    const dir = referenceWith({ "prod.yaml": replace("app:\n", "app:\n  edge:\n    origin: private-alb\n") });
    expect(problemsOf(dir)).toEqual([
      '<dir>/prod.yaml:27:13 app.edge.origin: "private-alb" is not allowed. Write one of: public-alb, vpc-origin.',
    ]);
  });
});

describe("DNS failover of the site name", () => {
  const STANDBY = "dualstack.acme-standby-1234567890.eu-central-1.elb.amazonaws.com";
  let prod: StackJson;
  let outcome: SynthOutcome;
  beforeAll(() => {
    const s = synth(
      referenceWith({
        "prod.yaml": replace(
          "    recordName: www\n",
          `    recordName: www\n    failover:\n      healthCheckPath: /api/health\n      secondary:\n        dnsName: ${STANDBY}\n        hostedZoneId: Z215JYRZR1TBD5\n`,
        ),
      }),
    );
    outcome = s.outcome;
    prod = s.json("workload-prod");
  });

  it("passes the policy pack", () => {
    expect(outcome.policy.errors).toEqual([]);
  });

  it("health-checks the distribution's own name over HTTPS on the path, not the failover name", () => {
    const [check] = resources(prod, "aws_route53_health_check");
    expect(resources(prod, "aws_route53_health_check")).toHaveLength(1);
    expect(check).toMatchObject({
      type: "HTTPS",
      port: 443,
      resource_path: "/api/health",
      enable_sni: true,
      request_interval: 30,
      failure_threshold: 3,
    });
    expect(check!.fqdn).toMatch(/^\$\{aws_cloudfront_distribution\..*\.domain_name\}$/);
  });

  it("makes A and AAAA PRIMARY to CloudFront with the health check and SECONDARY to the standby evaluating its health", () => {
    const site = Object.values(resourcesByName(prod, "aws_route53_record")).filter((r) => r.name === "www.acme.example");
    const view = site.map((r) => {
      const alias = r.alias as Record<string, unknown>;
      return [
        r.type,
        (r.failover_routing_policy as Record<string, unknown>).type,
        r.set_identifier,
        alias.evaluate_target_health,
        r.health_check_id !== undefined,
      ];
    });
    expect(view.sort((a, b) => String(a).localeCompare(String(b)))).toEqual([
      ["A", "PRIMARY", "primary", false, true],
      ["A", "SECONDARY", "secondary", true, false],
      ["AAAA", "PRIMARY", "primary", false, true],
      ["AAAA", "SECONDARY", "secondary", true, false],
    ]);
    const secondary = site.find((r) => r.set_identifier === "secondary")!.alias as Record<string, unknown>;
    expect(secondary).toMatchObject({ name: STANDBY, zone_id: "Z215JYRZR1TBD5" });
  });
});
