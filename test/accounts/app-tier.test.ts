import { describe, expect, it } from "vitest";
import { referenceSynthesis } from "../support/shared-synthesis.js";
import { resources, resourcesByName } from "../support/synth.js";

// The shipped config's synthesis, shared with the other test files of this worker (read-only).
const stack = (name: string) => referenceSynthesis().json(name);
const prod = stack("workload-prod");
const dev = stack("workload-dev");
const lifecycleOf = (r: Record<string, unknown>) => r.lifecycle as { prevent_destroy?: boolean; ignore_changes?: string[] } | undefined;

describe("the app tier of the shipped config", () => {
  it("answers 403 on the forwarding listener unless a rule matches, with the TLS 1.3 policy, and listens on no plain-HTTP port", () => {
    const listeners = resourcesByName(prod, "aws_lb_listener");
    const https = Object.entries(listeners).find(([k]) => k.includes("https-listener"))![1];
    expect(https).toMatchObject({ port: 443, protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06" });
    expect((https.default_action as { fixed_response: { status_code: string } }[])[0]!.fixed_response.status_code).toBe("403");
    expect(Object.values(listeners).filter((l) => l.protocol === "HTTP")).toEqual([]);
  });

  it("forwards only when the secret header and the path match, and CloudFront sends the same secret", () => {
    const rules = resources(prod, "aws_lb_listener_rule");
    expect(rules.length).toBeGreaterThanOrEqual(2);
    for (const rule of rules) {
      const conditions = rule.condition as {
        http_header?: { http_header_name: string; values: string[] };
        path_pattern?: { values: string[] };
      }[];
      const header = conditions.find((c) => c.http_header)!.http_header!;
      expect(header.http_header_name).toBe("X-Origin-Verify");
      expect(header.values[0]).toMatch(
        /^\$\{aws_secretsmanager_secret_version\.app_origin-header-secret_version_[0-9A-F]+\.secret_string\}$/,
      );
      expect(conditions.find((c) => c.path_pattern)!.path_pattern!.values.length).toBeGreaterThan(0);
    }
    const distribution = resources(prod, "aws_cloudfront_distribution")[0]!;
    const alb = (
      distribution.origin as {
        origin_id: string;
        custom_header?: { name: string; value: string }[];
        custom_origin_config?: { origin_protocol_policy: string };
      }[]
    ).find((o) => o.origin_id === "alb")!;
    expect(alb.custom_header![0]!.value).toBe(
      (rules[0]!.condition as { http_header?: { values: string[] } }[]).find((c) => c.http_header)!.http_header!.values[0],
    );
    expect(alb.custom_origin_config!.origin_protocol_policy).toBe("https-only");
  });

  it("admits only CloudFront's origin-facing prefix list to the ALB, in one rule on the forwarding port", () => {
    const [prefixList] = Object.values(prod.data!.aws_ec2_managed_prefix_list!);
    expect(prefixList).toMatchObject({ name: "com.amazonaws.global.cloudfront.origin-facing" });
    const albIngress = resources(prod, "aws_vpc_security_group_ingress_rule").filter((r) =>
      String(r.security_group_id).includes("app_alb_security-group"),
    );
    expect(albIngress.filter((r) => r.cidr_ipv4 === "0.0.0.0/0")).toEqual([]);
    expect(
      albIngress
        .filter((r) => r.prefix_list_id)
        .map((r) => r.from_port)
        .sort(),
    ).toEqual([443]);
  });

  it("associates the CLOUDFRONT web ACL with the distribution and the REGIONAL one with the ALB", () => {
    const acls = resourcesByName(prod, "aws_wafv2_web_acl");
    const cf = Object.entries(acls).find(([, a]) => a.scope === "CLOUDFRONT")!;
    expect(cf[1].provider).toBe("aws.us-east-1");
    expect(resources(prod, "aws_cloudfront_distribution")[0]!.web_acl_id).toBe(`\${aws_wafv2_web_acl.${cf[0]}.arn}`);
    const assoc = resources(prod, "aws_wafv2_web_acl_association")[0]!;
    expect(assoc.resource_arn).toMatch(/^\$\{aws_lb\.app_alb_load-balancer_[0-9A-F]+\.arn\}$/);
    const regional = Object.entries(acls).find(([, a]) => a.scope === "REGIONAL")!;
    expect(assoc.web_acl_arn).toBe(`\${aws_wafv2_web_acl.${regional[0]}.arn}`);
    const rules = JSON.parse(cf[1].rule_json as string) as { Name: string; Statement: Record<string, unknown> }[];
    expect(rules.map((r) => r.Name)).toEqual([
      "rate-limit-per-ip",
      "AWSManagedRulesCommonRuleSet",
      "AWSManagedRulesKnownBadInputsRuleSet",
      "AWSManagedRulesSQLiRuleSet",
      "AWSManagedRulesAmazonIpReputationList",
    ]);
    expect(resources(prod, "aws_cloudwatch_log_group").filter((g) => String(g.name).startsWith("aws-waf-logs-"))).toHaveLength(2);
  });

  it("makes the prod database Multi-AZ with a replica of the primary, TLS only, protected", () => {
    const instances = resourcesByName(prod, "aws_db_instance");
    const [primaryAddress, primary] = Object.entries(instances).find(([, i]) => i.engine === "mysql")!;
    expect(primary).toMatchObject({
      multi_az: true,
      storage_encrypted: true,
      manage_master_user_password: true,
      iam_database_authentication_enabled: true,
      deletion_protection: true,
      copy_tags_to_snapshot: true,
      skip_final_snapshot: false,
      performance_insights_enabled: true,
    });
    const replicas = Object.values(instances).filter((i) => i.replicate_source_db);
    expect(replicas).toHaveLength(1);
    expect(replicas[0]!.replicate_source_db).toBe(`\${aws_db_instance.${primaryAddress}.identifier}`);
    const params = resources(prod, "aws_db_parameter_group")[0]!.parameter as { name: string; value: string }[];
    expect(params).toContainEqual({ name: "require_secure_transport", value: "1" });
    expect(Object.values(instances).every((i) => lifecycleOf(i)?.prevent_destroy === true)).toBe(true);
  });

  it("lets every service connect with IAM to each DB instance it is told about, the read replicas included", () => {
    for (const json of [prod, dev]) {
      const instances = Object.keys(resourcesByName(json, "aws_db_instance"));
      const taskPolicies = Object.entries(resourcesByName(json, "aws_iam_role_policy")).filter(([k]) => k.includes("task-policy"));
      expect(taskPolicies.length).toBeGreaterThan(0);
      for (const [, p] of taskPolicies) {
        const statements = JSON.parse(p.policy as string).Statement as { Action: string; Resource: string | string[] }[];
        const connect = [statements.find((st) => st.Action === "rds-db:connect")!.Resource].flat();
        expect(connect.map((arn) => /\$\{aws_db_instance\.([^.]+)\.resource_id\}/.exec(arn)?.[1]).sort()).toEqual([...instances].sort());
      }
    }
  });

  it("connects services to the cache as its IAM user, with no AUTH token anywhere", () => {
    for (const json of [prod, dev]) {
      const iamUser = resources(json, "aws_elasticache_user").find((u) => (u.authentication_mode as { type: string }).type === "iam")!;
      expect(iamUser.user_id).toBe(iamUser.user_name);
      for (const definition of resources(json, "aws_ecs_task_definition")) {
        const text = definition.container_definitions as string;
        expect(text).toContain(`{"name":"REDIS_USER","value":"${iamUser.user_name}"}`);
        expect(text).not.toContain("REDIS_AUTH_TOKEN");
      }
      expect(
        resources(json, "aws_elasticache_replication_group").every(
          (g) => g.auth_token === undefined && g.notification_topic_arn === undefined,
        ),
      ).toBe(true);
      expect(resources(json, "aws_secretsmanager_secret").map((x) => x.name)).toEqual([
        expect.stringMatching(/\/cloudfront-origin-header$/),
      ]);
    }
  });

  it("protects prod's cache and data buckets from destroy, and leaves dev's destroyable", () => {
    const cache = resources(prod, "aws_elasticache_replication_group")[0]!;
    expect(cache).toMatchObject({
      automatic_failover_enabled: true,
      multi_az_enabled: true,
      transit_encryption_enabled: true,
      at_rest_encryption_enabled: "true",
    });
    expect(lifecycleOf(cache)?.prevent_destroy).toBe(true);
    const buckets = resources(prod, "aws_s3_bucket");
    for (const name of ["acme-prod-444444444444-frontend", "acme-prod-444444444444-data", "acme-prod-444444444444-data-replica"]) {
      expect(lifecycleOf(buckets.find((b) => b.bucket === name)!)?.prevent_destroy, name).toBe(true);
    }
    expect(resources(dev, "aws_db_instance").every((i) => lifecycleOf(i)?.prevent_destroy === undefined)).toBe(true);
    expect(resources(dev, "aws_db_instance")[0]).toMatchObject({ multi_az: false, deletion_protection: false });
  });

  it("pins the Terraform addresses of stateful resources", () => {
    const names = (type: string) => Object.keys(resourcesByName(prod, type)).sort();
    expect(names("aws_db_instance")).toEqual(["app_database_primary_7C1D9602", "app_database_replica-1_A860DCAF"]);
    expect(names("aws_elasticache_replication_group")).toEqual(["app_cache_replication-group_94CAD23D"]);
    expect(names("aws_s3_bucket").filter((n) => /frontend|data/.test(n))).toMatchSnapshot();
  });

  it("creates every ECS service after the listener rules that attach its target groups to the ALB", () => {
    for (const json of [prod, dev]) {
      const rules = resourcesByName(json, "aws_lb_listener_rule");
      for (const service of resources(json, "aws_ecs_service")) {
        const group = (service.load_balancer as { target_group_arn: string }[])[0]!.target_group_arn;
        const forwarding = Object.entries(rules)
          .filter(([, r]) => JSON.stringify(r.action).includes(group))
          .map(([name]) => `aws_lb_listener_rule.${name}`);
        expect(forwarding.length).toBeGreaterThan(0);
        expect(service.depends_on as string[]).toEqual(expect.arrayContaining(forwarding));
      }
    }
  });

  it("uses the CODE_DEPLOY controller for the prod API and the circuit breaker for the worker", () => {
    const services = resources(prod, "aws_ecs_service");
    const api = services.find((s) => s.name === "acme-prod-api")!;
    expect(api.deployment_controller).toEqual({ type: "CODE_DEPLOY" });
    const jobs = services.find((s) => s.name === "acme-prod-jobs")!;
    expect(jobs.deployment_circuit_breaker).toEqual({ enable: true, rollback: true });
    expect(jobs.network_configuration).toMatchObject({ assign_public_ip: false });
    const group = resources(prod, "aws_codedeploy_deployment_group")[0]!;
    expect(group.auto_rollback_configuration).toEqual({ enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] });
  });
});

describe("app-tier alarms of the shipped config", () => {
  const alarms = resources(prod, "aws_cloudwatch_metric_alarm");
  const topics = resourcesByName(prod, "aws_sns_topic");
  const topicRef = (fragment: string) => {
    const name = Object.keys(topics).find((k) => k.includes(fragment))!;
    return `\${aws_sns_topic.${name}.arn}`;
  };
  const byMetric = (namespace: string, metric: string) => alarms.filter((a) => a.namespace === namespace && a.metric_name === metric);

  it("watches every ECS service, the ALB, every RDS instance and the cache, notifying the account's alert topic", () => {
    const services = ["acme-prod-api", "acme-prod-jobs"];
    for (const metric of ["CPUUtilization", "MemoryUtilization"]) {
      expect(
        byMetric("AWS/ECS", metric)
          .map((a) => (a.dimensions as { ServiceName: string }).ServiceName)
          .sort(),
      ).toEqual(services);
    }
    expect(byMetric("AWS/RDS", "ReplicaLag").map((a) => (a.dimensions as { DBInstanceIdentifier: string }).DBInstanceIdentifier)).toEqual([
      "acme-prod-mysql-replica-1",
    ]);
    expect(byMetric("AWS/RDS", "FreeStorageSpace")).toHaveLength(2);
    expect(byMetric("AWS/ElastiCache", "Evictions").length).toBeGreaterThan(0);
    expect(
      alarms.some((a) => JSON.stringify(a).includes("HTTPCode_Target_5XX_Count") || JSON.stringify(a).includes("HTTPCode_ELB_5XX_Count")),
    ).toBe(true);
    const home = topicRef("alerts_topic");
    for (const a of alarms.filter((x) => x.provider === undefined)) expect(a.alarm_actions).toEqual([home]);
  });

  it("watches p95 response time over the whole load balancer, never one target group of a blue-green pair", () => {
    const latency = byMetric("AWS/ApplicationELB", "TargetResponseTime");
    expect(latency.length).toBeGreaterThan(0);
    for (const alarm of latency) expect(Object.keys(alarm.dimensions as object)).toEqual(["LoadBalancer"]);
  });

  it("alarms on blocked-request spikes of both web ACLs, the CloudFront one in us-east-1 with a us-east-1 topic", () => {
    const waf = byMetric("AWS/WAFV2", "BlockedRequests");
    expect(waf).toHaveLength(2);
    const edge = waf.find((a) => a.provider === "aws.us-east-1")!;
    expect(edge.dimensions).toEqual({ WebACL: "acme-prod-cloudfront", Rule: "ALL" });
    expect(edge.alarm_actions).toEqual([topicRef("edge-alerts")]);
    expect(resourcesByName(prod, "aws_sns_topic")[Object.keys(topics).find((k) => k.includes("edge-alerts"))!]!.provider).toBe(
      "aws.us-east-1",
    );
  });
});
