/**
 * The app tier's compute kinds (`compute: ec2-asg | lambda`) on the reference config: dev gets an EC2 web tier, an
 * EC2 app tier behind the internal ALB and a Lambda function next to its Fargate services. What the stack builds
 * (launch templates, groups, the internal ALB and its security groups, the data key's policy, the function and the
 * HTTP API), the policy pack, the deploy role, alarms, cost lines, and the config errors with their file:line.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SynthOutcome, synthesizeChecked } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { costInputsFromModel, estimateCosts } from "../../src/cost/index.js";
import { buildDiagram, type DiagramCluster, ids } from "../../src/diagram/index.js";
import { cleanupConfigDirs, problemsOf, referenceWith, replace } from "../support/config-dir.js";
import { dataSources, resources, resourcesByName, type StackJson } from "../support/synth.js";

afterAll(cleanupConfigDirs);

const COMPUTE_SERVICES = `    - name: web
      compute: ec2-asg
      runtime: nodejs22
      instanceType: t4g.small
      port: 8080
      minCount: 1
      desiredCount: 1
      maxCount: 3
      pathPatterns: [/shop/*]
    - name: backend
      compute: ec2-asg
      tier: app
      runtime: java21
      instanceType: m7i.large
      port: 8081
      autoscaling: { cpuPercent: 50, requestsPerTarget: 500 }
      pathPatterns: [/backend/*]
    - name: orders
      compute: lambda
      runtime: nodejs22.x
      code: { s3Bucket: acme-artifacts, s3Key: orders/1.zip }
      reservedConcurrency: 20
      timeoutSeconds: 10
      pathPatterns: [/orders/*, /health]
  database:
`;
const computeDir = () => referenceWith({ "dev.yaml": replace("  database:\n", COMPUTE_SERVICES) });

let outcome: SynthOutcome;
let dev: StackJson;
let bootstrap: StackJson;
let dir: string;
beforeAll(() => {
  dir = computeDir();
  const out = mkdtempSync(join(tmpdir(), "lz-compute-"));
  outcome = synthesizeChecked(loadConfig(dir), out);
  const read = (stack: string) => JSON.parse(readFileSync(join(out, "stacks", stack, "cdk.tf.json"), "utf8")) as StackJson;
  dev = read("workload-dev");
  bootstrap = read("bootstrap");
});

const byPrefix = (type: string, prefix: string) => {
  const hit = Object.entries(resourcesByName(dev, type)).find(([k]) => k.startsWith(prefix));
  if (!hit) throw new Error(`no ${type} ${prefix}*`);
  return hit;
};
const ref = (type: string, prefix: string, attr: string) => `\${${type}.${byPrefix(type, prefix)[0]}.${attr}}`;

describe("EC2 Auto Scaling tiers", () => {
  it("passes the policy pack with no finding", () => {
    expect(outcome.policy.errors).toEqual([]);
    expect(outcome.policy.warnings).toEqual([]);
  });

  it("builds launch templates with IMDSv2 only, hop limit 1, an encrypted gp3 root volume under the data key and no key pair", () => {
    const [, web] = byPrefix("aws_launch_template", "app_tier-web_");
    expect(web).toMatchObject({
      name: "acme-dev-web",
      instance_type: "t4g.small",
      metadata_options: { http_tokens: "required", http_put_response_hop_limit: 1, http_endpoint: "enabled" },
      block_device_mappings: [{ device_name: "/dev/xvda", ebs: { encrypted: "true", volume_type: "gp3", volume_size: 20 } }],
      update_default_version: true,
    });
    expect(web).not.toHaveProperty("key_name");
    const ebs = (web.block_device_mappings as { ebs: { kms_key_id: string } }[])[0]!.ebs;
    expect(ebs.kms_key_id).toMatch(/^\$\{aws_kms_key\.keys_data_key_\w+\.arn\}$/);
    expect(web.image_id).toMatch(/^\$\{data\.aws_ssm_parameter\.app_tier-web_ami_\w+\.insecure_value\}$/);
    const amis = dataSources(dev, "aws_ssm_parameter").map((d) => d.name);
    expect(amis).toEqual(
      expect.arrayContaining([
        "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64",
        "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
      ]),
    );
  });

  it("runs groups in the private app subnets with ELB health checks, instance refresh and target tracking", () => {
    const [, web] = byPrefix("aws_autoscaling_group", "app_tier-web_");
    expect(web).toMatchObject({
      name: "acme-dev-web",
      min_size: 1,
      max_size: 3,
      desired_capacity: 1,
      health_check_type: "ELB",
      instance_refresh: { strategy: "Rolling", preferences: { min_healthy_percentage: 90 } },
      target_group_arns: [ref("aws_lb_target_group", "app_tier-web_", "arn")],
      launch_template: { id: ref("aws_launch_template", "app_tier-web_", "id") },
    });
    expect(String(web.vpc_zone_identifier)).toMatch(
      /^\$\{aws_subnet\.vpc_private-app-subnet-0_\w+\.id\},\$\{aws_subnet\.vpc_private-app-subnet-1_\w+\.id\}$/,
    );
    const policies = resources(dev, "aws_autoscaling_policy").filter((p) => String(p.name).startsWith("acme-dev-backend"));
    expect(
      policies
        .map(
          (p) =>
            (p.target_tracking_configuration as { predefined_metric_specification: { predefined_metric_type: string } })
              .predefined_metric_specification.predefined_metric_type,
        )
        .sort(),
    ).toEqual(["ALBRequestCountPerTarget", "ASGAverageCPUUtilization"]);
  });

  it("puts the app tier behind an internal HTTPS ALB in the private app subnets that admits only the web tier", () => {
    const [, lb] = byPrefix("aws_lb", "app_internal-alb_");
    expect(lb).toMatchObject({
      name: "acme-dev-internal",
      internal: true,
      load_balancer_type: "application",
      drop_invalid_header_fields: true,
      // The log bucket's policy admits ELB under alb/ only; ELB checks it when the load balancer is created.
      access_logs: { enabled: true, prefix: "alb" },
    });
    expect(String(lb.subnets)).toMatch(
      /^\$\{aws_subnet\.vpc_private-app-subnet-0_\w+\.id\},\$\{aws_subnet\.vpc_private-app-subnet-1_\w+\.id\}$/,
    );
    const [, listener] = byPrefix("aws_lb_listener", "app_internal-alb_");
    expect(listener).toMatchObject({ port: 443, protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06" });
    const [, rule] = byPrefix("aws_lb_listener_rule", "app_internal-alb_backend-rule");
    expect(rule.condition).toEqual([{ path_pattern: { values: ["/backend/*"] } }]);

    const internalSg = ref("aws_security_group", "app_internal-alb_", "id");
    const webSg = ref("aws_security_group", "app_tier-web_", "id");
    const backendSg = ref("aws_security_group", "app_tier-backend_", "id");
    const ingress = resources(dev, "aws_vpc_security_group_ingress_rule");
    expect(ingress.filter((r) => r.security_group_id === internalSg).map((r) => [r.referenced_security_group_id, r.from_port])).toEqual([
      [webSg, 443],
    ]);
    expect(ingress.filter((r) => r.security_group_id === backendSg).map((r) => [r.referenced_security_group_id, r.from_port])).toEqual([
      [internalSg, 8081],
    ]);
    expect(ingress.filter((r) => r.security_group_id === webSg).map((r) => r.referenced_security_group_id)).toEqual([
      ref("aws_security_group", "app_alb_", "id"),
    ]);
    expect(ingress.filter((r) => [webSg, backendSg].includes(String(r.security_group_id))).some((r) => r.from_port === 22)).toBe(false);
    const egress = resources(dev, "aws_vpc_security_group_egress_rule").filter((r) => r.security_group_id === webSg);
    expect(egress.some((r) => r.referenced_security_group_id === internalSg && r.from_port === 443)).toBe(true);
    // HTTPS out, and the VPC only on dev's data tier ports: MySQL and Redis.
    expect(egress.filter((r) => r.cidr_ipv4 !== undefined).map((r) => [r.cidr_ipv4, r.from_port])).toEqual([
      ["0.0.0.0/0", 443],
      ["10.10.0.0/16", 3306],
      ["10.10.0.0/16", 6379],
    ]);
  });

  it("routes the web tier's paths on the public ALB and CloudFront, never the app tier's or the function's", () => {
    const rules = resources(dev, "aws_lb_listener_rule").filter((r) => JSON.stringify(r.condition).includes("/shop/*"));
    expect(rules.length).toBe(1);
    const cdn = resources(dev, "aws_cloudfront_distribution")[0]!;
    const paths = (cdn.ordered_cache_behavior as { path_pattern: string }[]).map((b) => b.path_pattern);
    expect(paths).toContain("/shop/*");
    expect(paths).not.toContain("/backend/*");
    expect(paths).not.toContain("/orders/*");
  });

  it("lets AWSServiceRoleForAutoScaling use the data key by aws:PrincipalArn, so the key policy never names a missing role", () => {
    const [, key] = byPrefix("aws_kms_key", "keys_data_key_");
    const statements = JSON.parse(String(key.policy)).Statement as {
      Sid: string;
      Principal: unknown;
      Action: unknown;
      Condition: unknown;
    }[];
    const grant = statements.find((s) => s.Sid === "AutoScalingGrantsForVolumes")!;
    expect(grant).toMatchObject({
      Principal: { AWS: "*" },
      Action: "kms:CreateGrant",
      Condition: {
        ArnEquals: {
          "aws:PrincipalArn": "arn:aws:iam::222222222222:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling",
        },
        Bool: { "kms:GrantIsForAWSResource": "true" },
      },
    });
    expect(statements.some((s) => s.Sid === "AutoScalingUsesKeyForVolumes")).toBe(true);
  });

  it("gives instances Session Manager, the database user, and the web tier the internal ALB's name", () => {
    const attachments = resources(dev, "aws_iam_role_policy_attachment").map((a) => a.policy_arn);
    expect(attachments).toContain("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
    const [, web] = byPrefix("aws_launch_template", "app_tier-web_");
    expect(String(web.user_data)).toContain("APP_TIER_URL=https://internal-www.dev.acme.example");
    expect(String(web.user_data)).toContain("DB_USER=web");
    const [, policy] = byPrefix("aws_iam_role_policy", "app_tier-backend_instance-policy");
    const sids = (JSON.parse(String(policy.policy)).Statement as { Sid: string }[]).map((s) => s.Sid);
    expect(sids).toEqual(expect.arrayContaining(["EncryptSessions", "WriteSessionLogs", "ConnectWithIamAuth", "ReadWriteData"]));
  });
});

describe("Lambda functions behind the HTTP API", () => {
  it("runs the function in the private app subnets with tracing, reserved concurrency and its own encrypted log group", () => {
    const [, fn] = byPrefix("aws_lambda_function", "app_function-orders_");
    expect(fn).toMatchObject({
      function_name: "acme-dev-orders",
      package_type: "Zip",
      runtime: "nodejs22.x",
      handler: "index.handler",
      architectures: ["arm64"],
      timeout: 10,
      reserved_concurrent_executions: 20,
      tracing_config: { mode: "Active" },
      logging_config: { log_format: "JSON" },
    });
    expect(String((fn.vpc_config as { subnet_ids: unknown }).subnet_ids)).toMatch(
      /^\$\{aws_subnet\.vpc_private-app-subnet-0_\w+\.id\},\$\{aws_subnet\.vpc_private-app-subnet-1_\w+\.id\}$/,
    );
    expect(fn.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_iam_role_policy\.app_function-orders_policy_/)]));
    const groups = resources(dev, "aws_cloudwatch_log_group").filter((g) => g.name === "/aws/lambda/acme-dev-orders");
    expect(groups).toEqual([expect.objectContaining({ retention_in_days: 30, kms_key_id: expect.stringMatching(/keys_logs/) })]);
  });

  it("routes the path patterns to the function with a 2.0 proxy integration, throttling and access logs", () => {
    expect(
      resources(dev, "aws_apigatewayv2_route")
        .map((r) => r.route_key)
        .sort(),
    ).toEqual(["ANY /health", "ANY /orders/{proxy+}"]);
    const [, integration] = byPrefix("aws_apigatewayv2_integration", "app_http-api_orders-integration");
    expect(integration).toMatchObject({ integration_type: "AWS_PROXY", payload_format_version: "2.0", timeout_milliseconds: 10000 });
    const [, stage] = byPrefix("aws_apigatewayv2_stage", "app_http-api_stage");
    expect(stage).toMatchObject({ name: "$default", auto_deploy: true });
    expect((stage.route_settings as { throttling_rate_limit: number }[]).map((s) => s.throttling_rate_limit)).toEqual([100, 100]);
    expect(String((stage.access_log_settings as { destination_arn: string }).destination_arn)).toMatch(
      /aws_cloudwatch_log_group\.app_http-api_access-log-group/,
    );
    const [, permission] = byPrefix("aws_lambda_permission", "app_http-api_orders-invoke");
    expect(permission).toMatchObject({
      principal: "apigateway.amazonaws.com",
      source_arn: `${ref("aws_apigatewayv2_api", "app_http-api_", "execution_arn")}/*`,
    });
    expect(resources(dev, "aws_api_gateway_account")).toEqual([]);
  });
});

describe("what else the compute kinds get", () => {
  it("alarms on EC2 CPU and unhealthy targets, Lambda errors and throttles, and HTTP API 5xx", () => {
    const names = resources(dev, "aws_cloudwatch_metric_alarm").map((a) => String(a.alarm_name));
    expect(names).toEqual(
      expect.arrayContaining([
        "acme-dev-web-asg-cpu",
        "acme-dev-web-asg-unhealthy-hosts",
        "acme-dev-backend-asg-cpu",
        "acme-dev-orders-lambda-errors",
        "acme-dev-orders-lambda-throttles",
        "acme-dev-api-http-api-5xx",
      ]),
    );
  });

  it("lets the deploy role manage Auto Scaling, Lambda, API Gateway and the stack's instance profiles", () => {
    const policy = Object.entries(resourcesByName(bootstrap, "aws_iam_role_policy")).find(([k]) =>
      k.startsWith("workload-dev-roles_deploy-permissions_"),
    )![1];
    const statements = JSON.parse(String(policy.policy)).Statement as { Sid: string; Action: string[]; Resource: unknown }[];
    expect(statements.find((s) => s.Sid === "ServicesOfTheStack")!.Action).toEqual(
      expect.arrayContaining(["autoscaling:*", "lambda:*", "apigateway:*"]),
    );
    expect(statements.find((s) => s.Sid === "WriteStackInstanceProfiles")!.Resource).toEqual([
      "arn:aws:iam::222222222222:instance-profile/acme-dev-backend-instance",
      "arn:aws:iam::222222222222:instance-profile/acme-dev-web-instance",
    ]);
  });

  it("prices EC2 hours per instance type, root volumes, Lambda requests and GB-seconds, HTTP API requests, and a second ALB", () => {
    const estimate = estimateCosts(costInputsFromModel(loadConfig(dir)));
    const devLines = estimate.accounts.find((a) => a.name === "dev")!.lines;
    const get = (key: string) => devLines.find((l) => l.key === key)!;
    // web 1 × t4g.small, backend 2 × m7i.large (defaults), 730 h; eu-west-1 prices.
    expect(get("ec2-t4g.small-hours")).toMatchObject({ quantity: 730, unitUsd: 0.0184, monthlyUsd: 13.43 });
    expect(get("ec2-m7i.large-hours")).toMatchObject({ quantity: 1460, unitUsd: 0.1124, monthlyUsd: 164.1 });
    expect(get("ec2-root-volumes")).toMatchObject({ quantity: 60, monthlyUsd: 5.28 });
    // 1,000,000 requests × 0.5 GB × 0.2 s = 100,000 GB-s (arm64).
    expect(get("lambda-requests")).toMatchObject({ quantity: 1, monthlyUsd: 0.2 });
    expect(get("lambda-compute-arm64")).toMatchObject({ quantity: 100000, monthlyUsd: 1.33 });
    expect(get("http-api-requests")).toMatchObject({ quantity: 1, monthlyUsd: 1.11 });
    expect(get("alb-hours")).toMatchObject({ quantity: 2 * 730 });
  });
});

describe("compute kinds in the diagram", () => {
  it("lists each service with its kind, draws the internal ALB in the VPC and the HTTP API in the account frame", () => {
    const diagram = buildDiagram(loadConfig(dir));
    const all = (cs: readonly DiagramCluster[]): DiagramCluster[] => cs.flatMap((c) => [c, ...all(c.clusters)]);
    const holder = (id: string) => all(diagram.clusters).find((c) => c.nodes.some((n) => n.id === id));
    expect(holder(ids.internalAlb("dev"))?.id).toBe(ids.vpc("dev"));
    expect(holder(ids.httpApi("dev"))?.id).toBe(ids.workloadAccount("dev"));
    expect(holder(ids.internalAlb("prod"))).toBeUndefined();
    const services = holder(ids.services("dev"))?.nodes.find((n) => n.id === ids.services("dev"))?.lines;
    expect(services).toEqual([
      "App services",
      "api · 0.25 vCPU / 512 MiB · ×1 (1–2) · rolling",
      "jobs · 0.25 vCPU / 512 MiB · ×1 (1–2) · rolling",
      "web · EC2 Auto Scaling web tier · t4g.small ×1 (1–3)",
      "backend · EC2 Auto Scaling app tier · m7i.large ×2 (2–6) · internal ALB",
      "orders · Lambda 512 MiB · HTTP API ANY /orders/{proxy+}, ANY /health",
    ]);
    expect(diagram.edges.some((e) => e.from === ids.httpApi("dev") && e.to === ids.services("dev"))).toBe(true);
    expect(diagram.edges.some((e) => e.from === ids.services("dev") && e.to === ids.internalAlb("dev"))).toBe(true);
  });
});

describe("compute config errors", () => {
  it("rejects an unknown compute kind with the kinds to write", () => {
    const d = referenceWith({ "dev.yaml": replace("    - name: jobs\n", "    - name: jobs\n      compute: ec2\n") });
    expect(problemsOf(d)).toEqual([
      expect.stringMatching(/^<dir>\/dev\.yaml:\d+:\d+ app\.services\[1\]\.compute: Write compute: ecs-fargate, ec2-asg or lambda/),
    ]);
  });

  it("rejects an app tier without a domain, an AMI of the other architecture, and an unknown instance type", () => {
    const d = referenceWith({
      "dev.yaml": (text) =>
        replace(
          "  database:\n",
          `    - name: backend
      compute: ec2-asg
      tier: app
      runtime: java21
      instanceType: t4g.small
      amiSsmParameter: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64
      port: 8081
      pathPatterns: [/backend/*]
    - name: other
      compute: ec2-asg
      runtime: java21
      instanceType: x9.large
      port: 8081
      pathPatterns: [/other/*]
  database:
`,
        )(text).replace(/ {2}domain:[^\n]*\n[^\n]*\n[^\n]*\n/, ""),
    });
    expect(problemsOf(d)).toEqual([
      expect.stringMatching(
        /^<dir>\/dev\.yaml:\d+:\d+ app\.services\[2\]\.tier: a tier: app service sits behind an internal ALB that serves HTTPS .* needs the app's domain/,
      ),
      expect.stringMatching(
        /^<dir>\/dev\.yaml:\d+:\d+ app\.services\[2\]\.amiSsmParameter: \/aws\/service\/ami-amazon-linux-latest\/al2023-ami-kernel-default-x86_64 names an x86_64 AMI, but t4g\.small is arm64/,
      ),
      expect.stringMatching(
        /^<dir>\/dev\.yaml:\d+:\d+ app\.services\[3\]\.instanceType: x9\.large is not an instance type this landing zone offers/,
      ),
    ]);
  });

  it("rejects an app tier in an environment without a web tier", () => {
    const d = referenceWith({
      "dev.yaml": replace(
        "  database:\n",
        "    - name: backend\n      compute: ec2-asg\n      tier: app\n      runtime: java21\n      instanceType: m7i.large\n      port: 8081\n      pathPatterns: [/backend/*]\n  database:\n",
      ),
    });
    expect(problemsOf(d)).toEqual([
      "<dir>/dev.yaml:54:13 app.services[2].tier: a tier: app service sits behind the internal ALB, which admits only web-tier instances, and this environment has none. Add a compute: ec2-asg service with tier: web, or write tier: web here.",
    ]);
  });

  it("rejects a function timeout over the HTTP API's 30 s, a zip without runtime, a route wildcard and reserved concurrency over 900", () => {
    const d = referenceWith({
      "dev.yaml": replace(
        "  database:\n",
        `    - name: slow
      compute: lambda
      code: { s3Bucket: acme-artifacts, s3Key: slow.zip }
      timeoutSeconds: 60
      pathPatterns: [/slow/*]
  database:
`,
      ),
    });
    expect(problemsOf(d)).toEqual([
      expect.stringMatching(
        /^<dir>\/dev\.yaml:\d+:\d+ app\.services\[2\]\.timeoutSeconds: Write timeoutSeconds of at most 30: an HTTP API waits at most 30 seconds/,
      ),
    ]);
    const e = referenceWith({
      "dev.yaml": replace(
        "  database:\n",
        `    - name: fast
      compute: lambda
      code: { s3Bucket: acme-artifacts, s3Key: fast.zip }
      reservedConcurrency: 901
      pathPatterns: [/fa*st/x]
  database:
`,
      ),
    });
    expect(problemsOf(e)).toEqual([
      expect.stringMatching(/^<dir>\/dev\.yaml:\d+:\d+ app\.services\[2\]\.runtime: a function packaged as a zip in S3 needs its runtime/),
      expect.stringMatching(
        /^<dir>\/dev\.yaml:\d+:\d+ app\.services\[2\]\.reservedConcurrency: the functions of this environment reserve 901 concurrent executions; Lambda keeps 100/,
      ),
      expect.stringMatching(/^<dir>\/dev\.yaml:\d+:\d+ app\.services\[2\]\.pathPatterns\[0\]: \/fa\*st\/x cannot be an HTTP API route/),
    ]);
  });
});
