/**
 * Services behind the app tier's Network Load Balancer (`loadBalancer: nlb`, `app.networkLoadBalancer`) on the
 * reference config: prod gets an internal NLB with a TLS service and a UDP service, through the policy pack; and the
 * config errors, with file:line. See docs/app-edge.md.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SynthOutcome, synthesizeChecked } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { buildDiagram, ids } from "../../src/diagram/index.js";
import { cleanupConfigDirs, problemsOf, referenceWith, replace } from "../support/config-dir.js";
import { resources, resourcesByName, type StackJson } from "../support/synth.js";

afterAll(cleanupConfigDirs);

const NLB_SERVICES = `  networkLoadBalancer:
    allowedCidrs: [10.0.0.0/8, 192.168.0.0/16]
  services:
    - name: mqtt
      runtime: go1.23
      ecrRepository: acme/mqtt
      imageTag: "1.0.0"
      containerPort: 1883
      cpu: 256
      memoryMiB: 512
      loadBalancer: nlb
      nlb: {protocol: TLS, port: 8883}
    - name: syslog
      runtime: go1.23
      ecrRepository: acme/syslog
      imageTag: "1.0.0"
      containerPort: 5140
      cpu: 256
      memoryMiB: 512
      loadBalancer: nlb
      nlb: {protocol: UDP, port: 514}
`;
const nlbDir = (services = NLB_SERVICES) => referenceWith({ "prod.yaml": replace("  services:\n", services) });

interface Synth {
  readonly outcome: SynthOutcome;
  json(stack: string): StackJson;
}
function synth(dir: string): Synth {
  const out = mkdtempSync(join(tmpdir(), "lz-nlb-"));
  const outcome = synthesizeChecked(loadConfig(dir), out);
  return { outcome, json: (stack) => JSON.parse(readFileSync(join(out, "stacks", stack, "cdk.tf.json"), "utf8")) as StackJson };
}
const networkLbs = (json: StackJson) => resources(json, "aws_lb").filter((l) => l.load_balancer_type === "network");

describe("services behind the NLB", () => {
  let s: Synth;
  let prod: StackJson;
  beforeAll(() => {
    s = synth(nlbDir());
    prod = s.json("workload-prod");
  });

  it("passes the policy pack", () => {
    expect(s.outcome.policy.errors).toEqual([]);
    expect(s.outcome.policy.warnings).toEqual([]);
  });

  it("builds one internal NLB in the private app subnets with its security group, cross-zone on, TLS access logs", () => {
    const [nlb] = networkLbs(prod);
    expect(networkLbs(prod)).toHaveLength(1);
    expect(nlb).toMatchObject({
      name: "acme-prod-nlb",
      internal: true,
      enable_cross_zone_load_balancing: true,
      enable_deletion_protection: true,
      access_logs: { bucket: "acme-prod-444444444444-alb-logs", enabled: true, prefix: "nlb" },
    });
    expect(JSON.stringify(nlb!.subnets)).toMatch(/private-app/);
    expect(nlb!.security_groups).toEqual([expect.stringMatching(/^\$\{aws_security_group\..*nlb.*\.id\}$/)]);
  });

  it("terminates TLS with the nlb- certificate and the TLS 1.2+ policy, and passes UDP through", () => {
    const listeners = resources(prod, "aws_lb_listener").filter((l) => [8883, 514].includes(l.port as number));
    expect(listeners.map((l) => [l.port, l.protocol, l.ssl_policy])).toEqual([
      [8883, "TLS", "ELBSecurityPolicy-TLS13-1-2-2021-06"],
      [514, "UDP", undefined],
    ]);
    expect(listeners[0]!.certificate_arn).toMatch(/nlb-certificate/);
    const certs = resources(prod, "aws_acm_certificate").map((c) => c.domain_name);
    expect(certs).toContain("nlb-www.acme.example");
    expect(Object.values(resourcesByName(prod, "aws_route53_record")).map((r) => r.name)).toContain("nlb-www.acme.example");
  });

  it("admits the allowed CIDRs on each listener port only, TCP for TLS and UDP for UDP", () => {
    const ingress = resources(prod, "aws_vpc_security_group_ingress_rule").filter((r) => [8883, 514].includes(r.from_port as number));
    expect(ingress.map((r) => [r.ip_protocol, r.from_port, r.cidr_ipv4])).toEqual([
      ["tcp", 8883, "10.0.0.0/8"],
      ["tcp", 8883, "192.168.0.0/16"],
      ["udp", 514, "10.0.0.0/8"],
      ["udp", 514, "192.168.0.0/16"],
    ]);
  });

  it("registers the tasks by IP in TCP and UDP target groups with TCP health checks, admitted from the NLB's group", () => {
    const groups = resources(prod, "aws_lb_target_group").filter((g) => String(g.name).match(/mqtt|syslog/));
    expect(groups.map((g) => [g.protocol, g.target_type, (g.health_check as Record<string, unknown>).protocol])).toEqual([
      ["TCP", "ip", "TCP"],
      ["UDP", "ip", "TCP"],
    ]);
    const fromNlb = resources(prod, "aws_vpc_security_group_ingress_rule").filter((r) => String(r.description).startsWith("From the NLB"));
    expect(fromNlb.map((r) => [r.ip_protocol, r.from_port])).toEqual([
      ["tcp", 1883],
      ["tcp", 5140],
      ["udp", 5140],
    ]);
  });

  it("lets ELB log delivery write NLB access logs under nlb/ in the log bucket", () => {
    const policies = Object.values(resourcesByName(prod, "aws_s3_bucket_policy")).map((p) => String(p.policy));
    const logs = policies.find((p) => p.includes("NlbLogDeliveryWrite"));
    expect(logs).toContain("/nlb/AWSLogs/444444444444/*");
  });

  it("alarms on unhealthy targets per service and on target resets", () => {
    const alarms = resources(prod, "aws_cloudwatch_metric_alarm").filter((a) => a.namespace === "AWS/NetworkELB");
    expect(alarms.map((a) => [a.alarm_name, a.metric_name, a.statistic])).toEqual([
      ["acme-prod-acme-prod-nlb-nlb-target-resets", "TCP_Target_Reset_Count", "Sum"],
      ["acme-prod-mqtt-nlb-unhealthy-hosts", "UnHealthyHostCount", "Maximum"],
      ["acme-prod-syslog-nlb-unhealthy-hosts", "UnHealthyHostCount", "Maximum"],
    ]);
  });

  it("draws the NLB in the VPC in front of the services", () => {
    const diagram = buildDiagram(loadConfig(nlbDir()));
    expect(diagram.edges.some((e) => e.from === ids.nlb("prod") && e.to === ids.services("prod"))).toBe(true);
  });
});

describe("NLB config errors", () => {
  const service = (name: string, extra: string) =>
    `    - name: ${name}\n      runtime: go1.23\n      ecrRepository: acme/${name}\n      imageTag: "1.0.0"\n      containerPort: 2000\n      cpu: 256\n      memoryMiB: 512\n      loadBalancer: nlb\n${extra}`;

  it("rejects ALB-only settings on a service behind the NLB and an NLB service without its listener, at their lines", () => {
    const dir = referenceWith({
      "dev.yaml": replace(
        "  services:\n",
        `  services:\n${service("cc", "      nlb: {protocol: TCP, port: 9000}\n      deployment: blue-green\n      pathPatterns: [/c/*]\n      autoscaling: {requestsPerTarget: 100}\n")}${service("dd", "")}`,
      ),
    });
    expect(problemsOf(dir)).toMatchInlineSnapshot(`
      [
        "<dir>/dev.yaml:33:19 app.services[0].deployment: blue-green deployments run on the ALB's test listener. Write deployment: rolling for a service behind the NLB (got string "blue-green").",
        "<dir>/dev.yaml:34:21 app.services[0].pathPatterns: the NLB forwards by port, not path, and the service is not behind CloudFront. Leave pathPatterns out (got a list).",
        "<dir>/dev.yaml:35:40 app.services[0].autoscaling.requestsPerTarget: requestsPerTarget scales on the ALB's request count, which an NLB has not. Scale on cpuPercent for a service behind the NLB (got number 100).",
        "<dir>/dev.yaml:43:21 app.services[1].loadBalancer: a service behind the NLB needs its listener. Write nlb: {protocol: TCP, port: <port>} (got string "nlb").",
      ]
    `);
  });

  it("rejects an NLB service without networkLoadBalancer, TLS without a domain, a taken port, and an unused NLB", () => {
    const dir = referenceWith({
      "test.yaml": replace("  services:\n", `  services:\n${service("aa", "      nlb: {protocol: TCP, port: 9000}\n")}`),
      "dev.yaml": (old) =>
        replace(
          "  services:\n",
          `  networkLoadBalancer:\n    allowedCidrs: [10.0.0.0/8]\n  services:\n${service("bb", "      nlb: {protocol: TLS, port: 9000}\n")}${service("cc", "      nlb: {protocol: TCP, port: 9000}\n")}`,
        )(replace(/ {2}domain:.*\n( {4}.*\n)+/, "")(old)),
      "prod.yaml": replace("  services:\n", "  networkLoadBalancer:\n    allowedCidrs: [10.0.0.0/8]\n  services:\n"),
    });
    expect(problemsOf(dir)).toMatchInlineSnapshot(`
      [
        "<dir>/dev.yaml:31:23 app.services[0].nlb.protocol: a TLS listener needs a certificate, which comes from the app's custom domain (nlb-<recordName>.<hostedZoneName>). Add app.domain, or write protocol: TCP and terminate TLS in the task.",
        "<dir>/dev.yaml:40:34 app.services[1].nlb.port: port 9000 is already the NLB listener of service bb. Give each service its own port.",
        "<dir>/prod.yaml:30:5 app.networkLoadBalancer: no service has loadBalancer: nlb, so the NLB would have no listener. Remove networkLoadBalancer, or move a service to it.",
        "<dir>/test.yaml:31:21 app.services[0].loadBalancer: services behind the NLB need the app tier's NLB. Write networkLoadBalancer: {scheme: internal, allowedCidrs: [<client CIDR>]} under app:.",
      ]
    `);
  });

  it("rejects an ALB service without path patterns, at the service", () => {
    const dir = referenceWith({ "prod.yaml": replace(/ {6}pathPatterns: \[\/jobs\/\*\]\n/, "") });
    expect(problemsOf(dir)).toEqual([
      "<dir>/prod.yaml:50:7 app.services[1].pathPatterns: List at least one path pattern, for example pathPatterns: [/api/*].",
    ]);
  });
});
