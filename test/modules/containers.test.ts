import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";
import { describe, expect, it } from "vitest";
import { BlueGreenDeployment } from "../../src/modules/containers/blue-green.js";
import { AppCluster } from "../../src/modules/containers/cluster.js";
import { FargateService, type FargateServiceProps } from "../../src/modules/containers/fargate-service.js";
import { SynthStack } from "../../src/policy/index.js";
import { creationOrder } from "../../src/policy/rules/creation-order.js";
import { resources, resourcesByName, synthJson } from "../support/synth.js";

const KEY = "arn:aws:kms:eu-west-1:444444444444:key/k";
const ALB = "app/acme-prod-alb/1";

const serviceProps = (deployment: "rolling" | "blue-green"): Omit<FargateServiceProps, "clusterArn" | "clusterName"> => ({
  name: "acme-prod-api",
  runtime: "node",
  ecrRepositoryName: "acme/api",
  imageTag: "1.0.0",
  containerPort: 8080,
  healthCheckPath: "/health",
  cpu: 512,
  memoryMiB: 1024,
  user: "1000",
  desiredCount: 2,
  minCount: 2,
  maxCount: 6,
  autoscaling: { cpuPercent: 60, requestsPerTarget: 500 },
  environment: {},
  secrets: {},
  deployment,
  targetGroupNames: deployment === "blue-green" ? ["acme-prod-api-blue", "acme-prod-api-green"] : ["acme-prod-api"],
  vpcId: "vpc-1",
  subnetIds: ["subnet-a", "subnet-b"],
  albSecurityGroupId: "sg-alb",
  albArnSuffix: ALB,
  logKmsKeyArn: KEY,
  logRetentionDays: 365,
  ecrKmsKeyArn: KEY,
  vpcCidr: "10.30.0.0/16",
  accountId: "444444444444",
  region: "eu-west-1",
});

/** A service on a cluster and, for blue-green, its CodeDeploy deployment wired as the app tier wires it. */
const build = (deployment: "rolling" | "blue-green") =>
  synthJson((s) => {
    const cluster = new AppCluster(s, "cluster", { name: "acme-prod" });
    const service = new FargateService(s, "service", {
      ...serviceProps(deployment),
      clusterArn: cluster.clusterArn,
      clusterName: cluster.clusterName,
    });
    if (deployment === "blue-green") {
      new BlueGreenDeployment(s, "deploy", {
        name: "acme-prod-api",
        clusterName: cluster.clusterName,
        serviceName: service.serviceNameRef,
        targetGroupNames: [service.targetGroupNames[0]!, service.targetGroupNames[1]!],
        targetGroupArnSuffixes: [service.targetGroupArnSuffixes[0]!, service.targetGroupArnSuffixes[1]!],
        albArnSuffix: ALB,
        prodListenerArn: "arn:aws:elasticloadbalancing:eu-west-1:444444444444:listener/app/acme-prod-alb/1/443",
        testListenerArn: "arn:aws:elasticloadbalancing:eu-west-1:444444444444:listener/app/acme-prod-alb/1/8443",
        alarmTopicArn: "arn:aws:sns:eu-west-1:444444444444:alerts",
      });
    }
  });

const blueGreen = build("blue-green");
/** `${aws_lb_target_group.<the blue or green group>.<attribute>}`. */
const ref = (color: "blue" | "green", attribute: string) => {
  const names = Object.keys(resourcesByName(blueGreen, "aws_lb_target_group"));
  return `\${aws_lb_target_group.${names.find((n) => n.includes(color))!}.${attribute}}`;
};

describe("BlueGreenDeployment", () => {
  it("names the ECS service and both target groups by references, so Terraform creates the deployment group after them", () => {
    const group = resources(blueGreen, "aws_codedeploy_deployment_group")[0]!;
    const [service] = Object.keys(resourcesByName(blueGreen, "aws_ecs_service"));
    expect((group.ecs_service as { service_name: string }).service_name).toBe(`\${aws_ecs_service.${service}.name}`);
    expect(
      (group.load_balancer_info as { target_group_pair_info: { target_group: { name: string }[] } }).target_group_pair_info.target_group,
    ).toEqual([{ name: ref("blue", "name") }, { name: ref("green", "name") }]);
    const stack = new SynthStack("t", blueGreen);
    expect(creationOrder.check(stack.ofType("aws_codedeploy_deployment_group")[0]!, stack).status).toBe("compliant");
  });

  it("rolls back on 5XX and unhealthy hosts of both target groups, whichever is live after earlier swaps", () => {
    const alarms = resources(blueGreen, "aws_cloudwatch_metric_alarm").filter((a) => String(a.alarm_name).includes("-deploy-"));
    expect(alarms).toHaveLength(2);
    for (const alarm of alarms) {
      const queries = alarm.metric_query as { id: string; expression?: string; metric?: { dimensions: Record<string, string> } }[];
      expect(queries.flatMap((q) => (q.metric ? [q.metric.dimensions.TargetGroup] : []))).toEqual([
        ref("blue", "arn_suffix"),
        ref("green", "arn_suffix"),
      ]);
      expect(queries.find((q) => q.expression)?.expression).toBe("FILL(group0, 0) + FILL(group1, 0)");
      expect(alarm.dimensions).toBeUndefined();
    }
  });
});

describe("FargateService.waitFor", () => {
  it("makes the ECS service depend on the listener rules, by the plain address depends_on requires", () => {
    const json = synthJson((s) => {
      const cluster = new AppCluster(s, "cluster", { name: "acme-prod" });
      const service = new FargateService(s, "service", {
        ...serviceProps("rolling"),
        clusterArn: cluster.clusterArn,
        clusterName: cluster.clusterName,
      });
      const rule = new LbListenerRule(s, "rule", {
        listenerArn: "arn:aws:elasticloadbalancing:eu-west-1:444444444444:listener/app/acme-prod-alb/1/443",
        action: [{ type: "forward", targetGroupArn: service.targetGroupArns[0]! }],
        condition: [{ pathPattern: { values: ["/api/*"] } }],
      });
      service.waitFor(rule);
    });
    const [rule] = Object.keys(resourcesByName(json, "aws_lb_listener_rule"));
    expect(resources(json, "aws_ecs_service")[0]!.depends_on).toEqual([`aws_lb_listener_rule.${rule}`]);
    const stack = new SynthStack("t", json);
    expect(creationOrder.check(stack.ofType("aws_ecs_service")[0]!, stack).status).toBe("compliant");
  });
});

describe("FargateService scaling", () => {
  const requestsPolicy = (json: ReturnType<typeof synthJson>) =>
    resources(json, "aws_appautoscaling_policy").find((p) => String(p.name).endsWith("-requests"))!
      .target_tracking_scaling_policy_configuration as Record<string, unknown>;

  it("tracks requests per healthy target over both target groups of a blue-green service, pinning neither", () => {
    const config = requestsPolicy(blueGreen);
    expect(config.predefined_metric_specification).toBeUndefined();
    const metrics = (config.customized_metric_specification as { metrics: Record<string, unknown>[] }).metrics;
    const groupsOf = (name: string) =>
      metrics
        .filter((m) => (m.metric_stat as { metric: { metric_name: string } } | undefined)?.metric.metric_name === name)
        .map(
          (m) =>
            (m.metric_stat as { metric: { dimensions: { name: string; value: string }[] } }).metric.dimensions.find(
              (d) => d.name === "TargetGroup",
            )!.value,
        );
    expect(groupsOf("RequestCount")).toEqual([ref("blue", "arn_suffix"), ref("green", "arn_suffix")]);
    expect(groupsOf("HealthyHostCount")).toEqual([ref("blue", "arn_suffix"), ref("green", "arn_suffix")]);
    expect(metrics.filter((m) => m.return_data === true)).toEqual([
      expect.objectContaining({ expression: "(FILL(requests0, 0) + FILL(requests1, 0)) / (FILL(healthy0, 0) + FILL(healthy1, 0))" }),
    ]);
  });

  it("keeps the predefined ALBRequestCountPerTarget on the only target group of a rolling service", () => {
    const rolling = build("rolling");
    const [group] = Object.keys(resourcesByName(rolling, "aws_lb_target_group"));
    expect(requestsPolicy(rolling).predefined_metric_specification).toEqual({
      predefined_metric_type: "ALBRequestCountPerTarget",
      resource_label: `${ALB}/\${aws_lb_target_group.${group}.arn_suffix}`,
    });
  });
});
