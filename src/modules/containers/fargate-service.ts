/**
 * One containerized service on ECS Fargate: its ECR repository, log group, IAM roles, task definition,
 * security group, target group(s), ECS service and target-tracking autoscaling.
 *
 * - Task size: `cpu`/`memoryMiB` must be a Fargate combination ("Task CPU and memory",
 *   https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size);
 *   the config layer checks it, the construct trusts it.
 * - The container runs as `user` (non-root) with a read-only root filesystem; `/tmp` is a writable task volume.
 * - Secrets are injected by ECS from Secrets Manager or SSM (`secrets`, `valueFrom`), never as plain
 *   environment values. Each secret says where it lives ({@link TaskSecret}), so the execution role is granted
 *   exactly those secrets (`secretsmanager:GetSecretValue`), parameters (`ssm:GetParameters`) and their KMS keys
 *   (`kms:Decrypt` through those services only), whether the ARNs are literals or Terraform references
 *   ("Required IAM permissions for Amazon ECS secrets",
 *   https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html#task-execution-secrets);
 *   the task role gets only the statements passed in.
 * - The service runs in private subnets without public IPs; its security group admits the container port
 *   only from the ALB's security group.
 * - `rolling`: ECS deployment controller with the circuit breaker and automatic rollback.
 *   `blue-green`: `CODE_DEPLOY` controller and two target groups (see `BlueGreenDeployment`); Terraform
 *   then ignores the task definition and load balancer of the service, which CodeDeploy owns. The
 *   request-count scaling policy then tracks requests per healthy target over both groups
 *   ({@link requestsPerTargetOfGroups}), because the live group alternates with every release.
 */
import {
  AppautoscalingPolicy,
  type AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecification,
} from "@cdktf/provider-aws/lib/appautoscaling-policy";
import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { EcrLifecyclePolicy } from "@cdktf/provider-aws/lib/ecr-lifecycle-policy";
import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { dependable, type ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { addComputeEgress } from "../vpc/security-group-rules.js";
import { policyJson, type PolicyStatement, serviceAssumesRole } from "../iam/index.js";

/**
 * One secret ECS injects as an environment variable at task start: where it lives and what the execution role
 * needs to read it ("Pass Secrets Manager secrets through Amazon ECS environment variables",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html).
 */
export interface TaskSecret {
  /** Secrets Manager (`secretsmanager:GetSecretValue`) or SSM Parameter Store (`ssm:GetParameters`). */
  readonly source: "secretsmanager" | "ssm";
  /** ARN of the secret or of the parameter, without a JSON key or version; a literal or a Terraform reference. */
  readonly arn: string;
  /** Secrets Manager only: the key of a JSON secret whose value is injected. @default the whole secret string */
  readonly jsonKey?: string;
  /** Secrets Manager only: the version stage. @default AWSCURRENT */
  readonly versionStage?: string;
  /** Secrets Manager only: the version id. @default the version of `versionStage` */
  readonly versionId?: string;
  /**
   * Customer managed KMS key encrypting the value; the execution role may decrypt with it through Secrets Manager
   * or SSM. @default the AWS managed key, which needs no grant
   */
  readonly kmsKeyArn?: string;
}

/**
 * The `valueFrom` of a secret: its ARN, with `:<json-key>:<version-stage>:<version-id>` when any of them is set.
 * @throws Error when an SSM parameter has a JSON key or version (ECS supports those for Secrets Manager only).
 */
export function secretValueFrom(secret: TaskSecret): string {
  const parts = [secret.jsonKey, secret.versionStage, secret.versionId];
  if (parts.every((p) => p === undefined)) return secret.arn;
  if (secret.source !== "secretsmanager") throw new Error(`secret ${secret.arn}: a JSON key or version needs a Secrets Manager secret`);
  return `${secret.arn}:${parts.map((p) => p ?? "").join(":")}`;
}

/** Props of {@link FargateService}. */
export interface FargateServiceProps {
  /** Full name, for example `acme-prod-api`: ECS service, task family, role and log group names. */
  readonly name: string;
  /** Runtime label, for the `Runtime` tag. */
  readonly runtime: string;
  readonly ecrRepositoryName: string;
  readonly imageTag: string;
  readonly containerPort: number;
  readonly healthCheckPath: string;
  /** Fargate CPU units (1024 = 1 vCPU). */
  readonly cpu: number;
  /** Task memory, MiB. */
  readonly memoryMiB: number;
  /** Non-root user, `uid[:gid]` or a name from the image. */
  readonly user: string;
  readonly desiredCount: number;
  readonly minCount: number;
  readonly maxCount: number;
  /** Target-tracking targets; at least one. */
  readonly autoscaling: { readonly cpuPercent?: number; readonly requestsPerTarget?: number };
  /** Plain environment variables. */
  readonly environment: Readonly<Record<string, string>>;
  /** Variable name → the secret ECS injects into it. */
  readonly secrets: Readonly<Record<string, TaskSecret>>;
  readonly deployment: "rolling" | "blue-green";
  /** Target group names: one for rolling, two (blue, green) for blue-green; at most 32 characters each. */
  readonly targetGroupNames: readonly string[];
  readonly clusterArn: string;
  readonly clusterName: string;
  readonly vpcId: string;
  /** Private app subnet ids. */
  readonly subnetIds: readonly string[];
  /** Security group of the load balancer (ALB or NLB) the tasks admit on `containerPort`. */
  readonly albSecurityGroupId: string;
  /**
   * Target group protocol: HTTP behind the ALB (HTTP health check on `healthCheckPath`), TCP or UDP behind an NLB
   * (TCP health check on the container port, which the tasks also admit for UDP). @default "HTTP"
   */
  readonly targetProtocol?: "HTTP" | "TCP" | "UDP";
  /** ALB `arn_suffix`, for the request-count scaling metric (HTTP only). */
  readonly albArnSuffix: string;
  /** KMS key of the log group (its policy must admit CloudWatch Logs). */
  readonly logKmsKeyArn: string;
  /** Log retention, days. */
  readonly logRetentionDays: number;
  /** KMS key of the ECR repository. */
  readonly ecrKmsKeyArn: string;
  /** Statements of the task role (what the application itself may do). @default none */
  readonly taskPolicyStatements?: readonly PolicyStatement[];
  /** CIDR the service may reach on `egressPorts` (the VPC: database, cache). */
  readonly vpcCidr: string;
  /** TCP ports the tasks may open inside the VPC. @default [3306, 6379] */
  readonly egressPorts?: readonly number[];
  readonly accountId: string;
  readonly region: string;
  /** @default "aws" */
  readonly partition?: string;
}

/** ECR repository, task definition, ECS service, autoscaling and target groups of one service. */
export class FargateService extends Construct {
  /** ECS service name as a plain string: the `ServiceName` dimension of ECS metrics. */
  readonly serviceName: string;
  /**
   * The same name as a reference to `aws_ecs_service.name`: for what must be created after the service
   * (a CodeDeploy deployment group).
   */
  readonly serviceNameRef: string;
  readonly securityGroupId: string;
  readonly repositoryUrl: string;
  readonly repositoryArn: string;
  readonly taskRoleArn: string;
  readonly executionRoleArn: string;
  readonly logGroupName: string;
  /** Target group ARNs: [the only one] for rolling, [blue, green] for blue-green. */
  readonly targetGroupArns: readonly string[];
  /** Target group `arn_suffix`es (the `TargetGroup` dimension of ALB metrics), same order. */
  readonly targetGroupArnSuffixes: readonly string[];
  /** Target group names as references to `aws_lb_target_group.name` (a consumer naming them is created after them), same order. */
  readonly targetGroupNames: readonly string[];
  readonly taskDefinitionArn: string;
  private readonly service: EcsService;

  constructor(scope: Construct, id: string, props: FargateServiceProps) {
    super(scope, id);
    const expected = props.deployment === "blue-green" ? 2 : 1;
    if (props.targetGroupNames.length !== expected)
      throw new Error(`FargateService ${props.name}: ${props.deployment} needs ${expected} target group name(s)`);
    const tags = { Name: props.name, Runtime: props.runtime };
    const protocol = props.targetProtocol ?? "HTTP";
    if (protocol !== "HTTP" && (props.autoscaling.requestsPerTarget !== undefined || props.deployment === "blue-green"))
      throw new Error(`FargateService ${props.name}: requestsPerTarget and blue-green need an ALB (HTTP) target`);

    const repo = new EcrRepository(this, "repository", {
      name: props.ecrRepositoryName,
      imageTagMutability: "IMMUTABLE",
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: [{ encryptionType: "KMS", kmsKey: props.ecrKmsKeyArn }],
      tags,
    });
    new EcrLifecyclePolicy(this, "repository-lifecycle", {
      repository: repo.name,
      policy: JSON.stringify({
        rules: [
          {
            rulePriority: 1,
            description: "Expire untagged images after 7 days",
            selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 7 },
            action: { type: "expire" },
          },
          {
            rulePriority: 2,
            description: "Keep the 50 most recent images",
            selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 50 },
            action: { type: "expire" },
          },
        ],
      }),
    });

    this.logGroupName = `/ecs/${props.name}`;
    const logGroup = new CloudwatchLogGroup(this, "log-group", {
      name: this.logGroupName,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: props.logKmsKeyArn,
    });

    const assume = policyJson([
      serviceAssumesRole("ecs-tasks.amazonaws.com", { condition: { StringEquals: { "aws:SourceAccount": props.accountId } } }),
    ]);
    const execution = new IamRole(this, "execution-role", { name: `${props.name}-execution`, assumeRolePolicy: assume, tags });
    const secrets = Object.values(props.secrets);
    const unique = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => v !== undefined))];
    const smArns = unique(secrets.filter((s) => s.source === "secretsmanager").map((s) => s.arn));
    const ssmArns = unique(secrets.filter((s) => s.source === "ssm").map((s) => s.arn));
    const secretKeyArns = unique(secrets.map((s) => s.kmsKeyArn));
    const viaServices = unique([
      smArns.length > 0 ? `secretsmanager.${props.region}.amazonaws.com` : undefined,
      ssmArns.length > 0 ? `ssm.${props.region}.amazonaws.com` : undefined,
    ]);
    const executionStatements: PolicyStatement[] = [
      { Sid: "EcrAuth", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
      {
        Sid: "PullImage",
        Effect: "Allow",
        Action: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
        Resource: repo.arn,
      },
      { Sid: "DecryptImage", Effect: "Allow", Action: "kms:Decrypt", Resource: props.ecrKmsKeyArn },
      { Sid: "WriteLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${logGroup.arn}:*` },
      ...(smArns.length > 0
        ? [{ Sid: "ReadSecrets", Effect: "Allow" as const, Action: "secretsmanager:GetSecretValue", Resource: smArns }]
        : []),
      ...(ssmArns.length > 0 ? [{ Sid: "ReadParameters", Effect: "Allow" as const, Action: "ssm:GetParameters", Resource: ssmArns }] : []),
      ...(secretKeyArns.length > 0
        ? [
            {
              Sid: "DecryptSecrets",
              Effect: "Allow" as const,
              Action: "kms:Decrypt",
              Resource: secretKeyArns,
              Condition: { StringEquals: { "kms:ViaService": viaServices } },
            },
          ]
        : []),
    ];
    new IamRolePolicy(this, "execution-policy", {
      role: execution.name,
      name: "pull-log-secrets",
      policy: policyJson(executionStatements),
    });

    const task = new IamRole(this, "task-role", { name: `${props.name}-task`, assumeRolePolicy: assume, tags });
    const taskStatements = props.taskPolicyStatements ?? [];
    if (taskStatements.length > 0) {
      new IamRolePolicy(this, "task-policy", { role: task.name, name: "app", policy: policyJson(taskStatements) });
    }

    const container = {
      name: "app",
      image: `${repo.repositoryUrl}:${props.imageTag}`,
      essential: true,
      user: props.user,
      readonlyRootFilesystem: true,
      portMappings: [{ containerPort: props.containerPort, protocol: "tcp" }],
      environment: Object.entries(props.environment).map(([name, value]) => ({ name, value })),
      // An empty list is left out: ECS does not return it, and the provider would show a diff on every plan.
      ...(secrets.length > 0
        ? { secrets: Object.entries(props.secrets).map(([name, secret]) => ({ name, valueFrom: secretValueFrom(secret) })) }
        : {}),
      mountPoints: [{ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false }],
      linuxParameters: { initProcessEnabled: true },
      logConfiguration: {
        logDriver: "awslogs",
        options: { "awslogs-group": this.logGroupName, "awslogs-region": props.region, "awslogs-stream-prefix": "app" },
      },
    };
    const taskDefinition = new EcsTaskDefinition(this, "task-definition", {
      family: props.name,
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: String(props.cpu),
      memory: String(props.memoryMiB),
      executionRoleArn: execution.arn,
      taskRoleArn: task.arn,
      runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
      volume: [{ name: "tmp" }],
      containerDefinitions: JSON.stringify([container]),
      tags,
    });

    const sg = new SecurityGroup(this, "security-group", {
      name: `${props.name}-service`,
      description: `${props.name}: from the ${protocol === "HTTP" ? "ALB" : "NLB"} only`,
      vpcId: props.vpcId,
      tags,
    });
    for (const ip of protocol === "UDP" ? ["udp", "tcp"] : ["tcp"])
      new VpcSecurityGroupIngressRule(this, protocol === "HTTP" ? "ingress-alb" : `ingress-nlb-${ip}`, {
        securityGroupId: sg.id,
        description:
          protocol === "HTTP" ? "From the ALB" : `From the NLB (${ip}${protocol === "UDP" && ip === "tcp" ? ", health checks" : ""})`,
        referencedSecurityGroupId: props.albSecurityGroupId,
        ipProtocol: ip,
        fromPort: props.containerPort,
        toPort: props.containerPort,
      });
    addComputeEgress(this, {
      securityGroupId: sg.id,
      vpcCidr: props.vpcCidr,
      httpsDescription: "HTTPS to AWS APIs, ECR and S3",
      ...(props.egressPorts ? { dataPorts: props.egressPorts } : {}),
    });

    const colors = props.deployment === "blue-green" ? ["blue", "green"] : ["main"];
    const groups = colors.map(
      (color, i) =>
        new LbTargetGroup(this, `target-group-${color}`, {
          name: props.targetGroupNames[i]!,
          port: props.containerPort,
          protocol,
          targetType: "ip",
          vpcId: props.vpcId,
          deregistrationDelay: "30",
          healthCheck:
            protocol === "HTTP"
              ? {
                  enabled: true,
                  path: props.healthCheckPath,
                  matcher: "200-399",
                  interval: 15,
                  healthyThreshold: 2,
                  unhealthyThreshold: 3,
                  timeout: 5,
                }
              : {
                  enabled: true,
                  protocol: "TCP",
                  port: "traffic-port",
                  interval: 15,
                  healthyThreshold: 2,
                  unhealthyThreshold: 3,
                  timeout: 5,
                },
          tags,
        }),
    );

    const blueGreen = props.deployment === "blue-green";
    const service = new EcsService(this, "service", {
      name: props.name,
      cluster: props.clusterArn,
      taskDefinition: taskDefinition.arn,
      desiredCount: props.desiredCount,
      launchType: "FARGATE",
      platformVersion: "LATEST",
      propagateTags: "SERVICE",
      enableExecuteCommand: false,
      healthCheckGracePeriodSeconds: 60,
      networkConfiguration: { subnets: [...props.subnetIds], securityGroups: [sg.id], assignPublicIp: false },
      loadBalancer: [{ targetGroupArn: groups[0]!.arn, containerName: "app", containerPort: props.containerPort }],
      deploymentController: { type: blueGreen ? "CODE_DEPLOY" : "ECS" },
      ...(blueGreen ? {} : { deploymentCircuitBreaker: { enable: true, rollback: true } }),
      lifecycle: { ignoreChanges: blueGreen ? ["desired_count", "task_definition", "load_balancer"] : ["desired_count"] },
      tags,
    });
    this.service = service;

    const scaling = new AppautoscalingTarget(this, "scaling-target", {
      serviceNamespace: "ecs",
      resourceId: `service/${props.clusterName}/${props.name}`,
      scalableDimension: "ecs:service:DesiredCount",
      minCapacity: props.minCount,
      maxCapacity: props.maxCount,
      dependsOn: [service],
    });
    type Metric =
      | { readonly predefinedMetricSpecification: { predefinedMetricType: string; resourceLabel?: string } }
      | {
          readonly customizedMetricSpecification: AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecification;
        };
    const policy = (key: string, metric: Metric, target: number) =>
      new AppautoscalingPolicy(this, `scaling-${key}`, {
        name: `${props.name}-${key}`,
        policyType: "TargetTrackingScaling",
        serviceNamespace: scaling.serviceNamespace,
        resourceId: scaling.resourceId,
        scalableDimension: scaling.scalableDimension,
        targetTrackingScalingPolicyConfiguration: { targetValue: target, ...metric, scaleInCooldown: 300, scaleOutCooldown: 60 },
      });
    if (props.autoscaling.cpuPercent !== undefined)
      policy(
        "cpu",
        { predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" } },
        props.autoscaling.cpuPercent,
      );
    if (props.autoscaling.requestsPerTarget !== undefined) {
      policy(
        "requests",
        blueGreen
          ? {
              customizedMetricSpecification: requestsPerTargetOfGroups(
                props.albArnSuffix,
                groups.map((g) => g.arnSuffix),
              ),
            }
          : {
              predefinedMetricSpecification: {
                predefinedMetricType: "ALBRequestCountPerTarget",
                resourceLabel: `${props.albArnSuffix}/${groups[0]!.arnSuffix}`,
              },
            },
        props.autoscaling.requestsPerTarget,
      );
    }

    this.serviceName = props.name;
    this.serviceNameRef = service.name;
    this.securityGroupId = sg.id;
    this.repositoryUrl = repo.repositoryUrl;
    this.repositoryArn = repo.arn;
    this.taskRoleArn = task.arn;
    this.executionRoleArn = execution.arn;
    this.targetGroupArns = groups.map((g) => g.arn);
    this.targetGroupArnSuffixes = groups.map((g) => g.arnSuffix);
    this.targetGroupNames = groups.map((g) => g.name);
    this.taskDefinitionArn = taskDefinition.arn;
  }

  /**
   * Makes the ECS service wait for `dependencies`: the listener rules that attach its target groups to the load
   * balancer. The service names only the target group, and CreateService rejects one that no listener or rule
   * uses yet ("The target group … does not have an associated load balancer";
   * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb.html).
   */
  waitFor(...dependencies: readonly ITerraformDependable[]): void {
    // dependable() renders the plain address that depends_on requires (a `${...}` reference is invalid there).
    this.service.dependsOn = [...(this.service.dependsOn ?? []), ...dependencies.map((d) => dependable(d))];
  }
}

/**
 * A target-tracking metric equal to `ALBRequestCountPerTarget` over several target groups together: the sum
 * of their `RequestCount` (per minute) divided by the sum of their `HealthyHostCount`, with `FILL(…, 0)` for
 * a group that reports nothing (the idle group of a blue-green pair). The predefined metric needs a resource
 * label naming one target group, which after a CodeDeploy swap is the idle one
 * (metric math in target tracking: https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking-metric-math.html;
 * the metrics: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html).
 * While no group has a healthy target the expression has no value and the policy does not scale on it.
 * @param albArnSuffix the load balancer's `arn_suffix` (`LoadBalancer` dimension).
 * @param targetGroupArnSuffixes the groups' `arn_suffix`es (`TargetGroup` dimension), at least one.
 */
export function requestsPerTargetOfGroups(
  albArnSuffix: string,
  targetGroupArnSuffixes: readonly string[],
): AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecification {
  const metric = (id: string, metricName: string, stat: string, targetGroup: string) => ({
    id,
    returnData: false,
    metricStat: {
      stat,
      metric: {
        namespace: "AWS/ApplicationELB",
        metricName,
        dimensions: [
          { name: "LoadBalancer", value: albArnSuffix },
          { name: "TargetGroup", value: targetGroup },
        ],
      },
    },
  });
  const sum = (prefix: string) => targetGroupArnSuffixes.map((_, i) => `FILL(${prefix}${i}, 0)`).join(" + ");
  return {
    metrics: [
      ...targetGroupArnSuffixes.flatMap((tg, i) => [
        metric(`requests${i}`, "RequestCount", "Sum", tg),
        metric(`healthy${i}`, "HealthyHostCount", "Average", tg),
      ]),
      {
        id: "requests_per_target",
        expression: `(${sum("requests")}) / (${sum("healthy")})`,
        label: "Requests per healthy target, all target groups",
        returnData: true,
      },
    ],
  };
}
