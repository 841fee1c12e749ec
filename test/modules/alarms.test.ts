import { describe, expect, it } from "vitest";
import {
  AlbAlarms,
  EcsServiceAlarms,
  ElastiCacheAlarms,
  EnvironmentDashboard,
  NatGatewayAlarms,
  RdsAlarms,
  WafAlarms,
} from "../../src/modules/observability/index.js";
import { resources, synthJson } from "../support/synth.js";

const target = { namePrefix: "acme-prod", topicArn: "arn:aws:sns:eu-west-1:1:alerts", region: "eu-west-1" };

describe("alarm constructs and the dashboard", () => {
  const json = synthJson((s) => {
    const d = new EnvironmentDashboard(s, "dashboard", { name: "acme-prod" });
    d.add(
      new NatGatewayAlarms(s, "nat", { ...target, natGatewayIds: ["nat-1", "nat-2"] }),
      new AlbAlarms(s, "alb", {
        ...target,
        name: "web",
        loadBalancerArnSuffix: "app/web/1",
        targetGroupArnSuffix: "targetgroup/web/2",
        fiveXxPercent: 3,
      }),
      new EcsServiceAlarms(s, "ecs", { ...target, clusterName: "c", serviceName: "api" }),
      new RdsAlarms(s, "rds", { ...target, dbInstanceIdentifier: "db-replica", isReplica: true, freeStorageGiB: 20 }),
      new ElastiCacheAlarms(s, "cache", { ...target, replicationGroupId: "cache", nodeCount: 2 }),
      new WafAlarms(s, "waf", { ...target, webAclName: "edge", blockedRequests: 500 }),
    );
  });
  const alarms = resources(json, "aws_cloudwatch_metric_alarm");
  const byName = (n: string) => alarms.find((a) => a.alarm_name === n)!;

  it("notifies the alert topic on ALARM and OK from every alarm", () => {
    expect(alarms.length).toBe(2 + 2 + 2 + 4 + 4 + 1);
    expect(
      alarms.every((a) => (a.alarm_actions as string[])[0] === target.topicArn && (a.ok_actions as string[])[0] === target.topicArn),
    ).toBe(true);
  });

  it("alarms on NAT port allocation errors per gateway", () => {
    expect(byName("acme-prod-nat-1-port-allocation-errors")).toMatchObject({
      metric_name: "ErrorPortAllocation",
      dimensions: { NatGatewayId: "nat-2" },
      threshold: 1,
      statistic: "Sum",
    });
  });

  it("computes the ALB 5xx rate as a percent of requests and uses p95 response time per target group", () => {
    const rate = byName("acme-prod-web-alb-5xx-rate");
    expect(rate.threshold).toBe(3);
    expect((rate.metric_query as { expression?: string }[]).find((q) => q.expression)?.expression).toBe(
      "100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests",
    );
    expect(byName("acme-prod-web-alb-target-response-time")).toMatchObject({
      extended_statistic: "p95",
      dimensions: { LoadBalancer: "app/web/1", TargetGroup: "targetgroup/web/2" },
    });
  });

  it("alarms on RDS free storage in bytes and on replica lag for replicas", () => {
    expect(byName("acme-prod-db-replica-rds-free-storage")).toMatchObject({
      threshold: 20 * 1024 ** 3,
      comparison_operator: "LessThanThreshold",
    });
    expect(byName("acme-prod-db-replica-rds-replica-lag")).toMatchObject({ metric_name: "ReplicaLag", threshold: 60 });
  });

  it("alarms per cache node and on the CloudFront web ACL without a Region dimension", () => {
    expect(byName("acme-prod-cache-002-cache-evictions")).toMatchObject({ dimensions: { CacheClusterId: "cache-002" } });
    expect(byName("acme-prod-edge-waf-blocked-spike")).toMatchObject({ threshold: 500, dimensions: { WebACL: "edge", Rule: "ALL" } });
    expect(byName("acme-prod-api-ecs-memory")).toMatchObject({
      metric_name: "MemoryUtilization",
      dimensions: { ClusterName: "c", ServiceName: "api" },
    });
  });

  it("puts every alarm in the dashboard's alarm widget and graphs every set", () => {
    const body = JSON.parse(resources(json, "aws_cloudwatch_dashboard")[0]!.dashboard_body as string) as {
      widgets: { type: string; properties: { alarms?: string[] } }[];
    };
    expect(body.widgets[0]!.properties.alarms).toHaveLength(alarms.length);
    expect(body.widgets.filter((w) => w.type === "metric").length).toBeGreaterThanOrEqual(6);
  });
});

describe("RdsAlarms on an Aurora instance", () => {
  const json = synthJson((s) => {
    new RdsAlarms(s, "rds", {
      ...target,
      dbInstanceIdentifier: "db-2",
      isReplica: true,
      aurora: true,
      replicaLagSeconds: 30,
      freeStorageGiB: 5,
    });
  });
  const alarms = resources(json, "aws_cloudwatch_metric_alarm");

  it("watches the instance's local storage and AuroraReplicaLag in milliseconds instead of FreeStorageSpace and ReplicaLag", () => {
    expect(alarms.map((a) => [a.metric_name, a.threshold]).sort()).toEqual([
      ["AuroraReplicaLag", 30_000],
      ["CPUUtilization", 80],
      ["DatabaseConnections", 500],
      ["FreeLocalStorage", 5 * 1024 ** 3],
    ]);
    expect(alarms.find((a) => a.metric_name === "FreeLocalStorage")!.statistic).toBe("Minimum");
  });
});
