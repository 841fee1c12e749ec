/**
 * The compute kinds of an app service other than ECS Fargate (which stays in ./app.ts): `ec2-asg` (an EC2 Auto
 * Scaling group behind the public ALB, tier `web`, or behind an internal ALB, tier `app`) and `lambda` (functions
 * behind an API Gateway HTTP API). See docs/app-compute.md.
 *
 * An area piece of the schema folder imported by ./app.ts (never ./index.ts). Cross-field rules (unique names and
 * paths across kinds, reserved concurrency against the account's unreserved minimum, AMI architecture) live in
 * `validate/app-compute.ts`; the instance type is checked against src/aws/ec2-instance-types.ts there too.
 */
import { z } from "zod";
import { HTTP_API_MAX_INTEGRATION_TIMEOUT_SECONDS, HTTP_API_QUOTAS_DOC, LAMBDA_RUNTIMES } from "../../aws/lambda.js";
import { orList } from "../problems.js";

/** The compute kinds of a service. */
export const APP_COMPUTE_KINDS = ["ecs-fargate", "ec2-asg", "lambda"] as const;

/** The message of an unknown `compute:` value. */
export const COMPUTE_HINT = `Write compute: ${orList(APP_COMPUTE_KINDS)} (or leave it out for ecs-fargate).`;

/** Service name: 2-20 characters a-z 0-9 -. */
export const serviceName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,18}[a-z0-9]$/, {
    error: "Write a short lowercase service name (2-20 characters, a-z 0-9 -), for example api.",
  })
  .meta({ description: "Service name; part of the names of everything the service creates." });

/** Runtime label for documentation and the Runtime tag. */
export const runtimeLabel = z
  .string()
  .regex(/^[a-z][a-z0-9.-]{1,30}$/, { error: "Write a short runtime label such as nodejs22 or python3.12." })
  .meta({ description: "Runtime label (documentation and the Runtime tag), for example nodejs22 or python3.12." });

const ENV_NAME_HINT = "Write an environment variable name: a letter or _, then letters, digits or _, for example DB_NAME.";
/** Non-secret environment variables. */
export const environmentVariables = z
  .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: ENV_NAME_HINT }), z.string().max(4096))
  .default({})
  .meta({ description: "Non-secret environment variables. @default {}" });

/** Path patterns a service answers. */
export const pathPatterns = (description: string) =>
  z
    .array(z.string().regex(/^\/[\w./*?-]*$/, { error: "Write a path pattern starting with /, for example /api/*." }))
    .min(1, { error: "List at least one path pattern, for example pathPatterns: [/api/*]." })
    .max(4, {
      error:
        "List at most 4 path patterns: an ALB rule holds at most 5 condition values and the secret-header check takes one (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html).",
    })
    .meta({ description });

/** Target-tracking autoscaling of one service. At least one target. */
export const ServiceAutoscaling = z
  .strictObject({
    cpuPercent: z
      .int({ error: "Write cpuPercent as a whole number of percent, for example 60." })
      .min(10, { error: "Write a cpuPercent of at least 10." })
      .max(90, { error: "Write a cpuPercent of at most 90, so tasks scale out before they saturate." })
      .optional()
      .meta({
        description:
          "Target average CPU utilization, in percent (ECS: ECSServiceAverageCPUUtilization; EC2 Auto Scaling: ASGAverageCPUUtilization).",
      }),
    requestsPerTarget: z
      .int({ error: "Write requestsPerTarget as a whole number, for example 1000." })
      .min(1, { error: "Write a requestsPerTarget of at least 1." })
      .optional()
      .meta({ description: "Target ALB requests per task or instance per minute (ALBRequestCountPerTarget)." }),
  })
  .refine((a) => a.cpuPercent !== undefined || a.requestsPerTarget !== undefined, {
    error: "Write at least one target: cpuPercent, requestsPerTarget or both.",
  })
  .meta({ description: "Target-tracking autoscaling between minCount and maxCount." });

/** minCount ≤ desiredCount ≤ maxCount, as issues at their paths. */
export function checkCounts(s: { minCount: number; maxCount: number; desiredCount: number }, ctx: z.RefinementCtx): void {
  if (s.minCount > s.maxCount) {
    ctx.addIssue({
      code: "custom",
      path: ["minCount"],
      message: `minCount ${s.minCount} is above maxCount ${s.maxCount}. Write a minCount of at most ${s.maxCount}`,
    });
  }
  if (s.desiredCount < s.minCount || s.desiredCount > s.maxCount) {
    ctx.addIssue({
      code: "custom",
      path: ["desiredCount"],
      message: `desiredCount ${s.desiredCount} is outside minCount..maxCount (${s.minCount}..${s.maxCount}). Write a desiredCount between them`,
    });
  }
}

/**
 * An EC2 Auto Scaling tier: a launch template (IMDSv2 only, encrypted gp3 root volume, no key pair, SSM Session
 * Manager), an Auto Scaling group in the private app subnets with ELB health checks and instance refresh, and
 * target tracking. `tier: web` sits behind the public ALB (CloudFront sends its paths there); `tier: app` behind
 * an internal ALB in the private app subnets that only web-tier instances reach.
 */
export const AppEc2Service = z
  .strictObject({
    name: serviceName,
    compute: z.literal("ec2-asg").meta({ description: "An EC2 Auto Scaling group behind a load balancer." }),
    runtime: runtimeLabel,
    tier: z
      .enum(["web", "app"], { error: "Write tier: web (behind the public ALB) or tier: app (behind the internal ALB)." })
      .default("web")
      .meta({
        description:
          "web: behind the public ALB, CloudFront routes pathPatterns to it. app: behind the internal ALB in the private app subnets, reached only from web-tier instances. @default web",
      }),
    instanceType: z
      .string()
      .regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, { error: "Write an EC2 instance type such as t3.small or m7g.large." })
      .meta({ description: "EC2 instance type; lz validate checks it against the landing zone's table (src/aws/ec2-instance-types.ts)." }),
    amiSsmParameter: z
      .string()
      .regex(/^\/[\w./-]+$/, {
        error:
          "Write the name of an SSM parameter holding an AMI id, for example /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64.",
      })
      .optional()
      .meta({
        description:
          "SSM parameter whose value is the AMI id, resolved at plan time (a new value rolls the instances through an instance refresh). @default the Amazon Linux 2023 public parameter of the instance type's architecture",
      }),
    port: z
      .int({ error: "Write the port as a whole number, for example 8080." })
      .min(1024, { error: "Write a port of 1024 or more: the application runs as a non-root user, which cannot bind lower ports." })
      .max(65535)
      .meta({ description: "Port the application listens on (≥ 1024)." }),
    healthCheckPath: z
      .string()
      .regex(/^\/[\w./-]*$/, { error: "Write a health-check path starting with /, for example /health." })
      .default("/health")
      .meta({ description: "Path the target group polls; 200-399 is healthy. @default /health" }),
    rootVolumeGiB: z
      .int()
      .min(8, { error: "Write rootVolumeGiB of at least 8 (the Amazon Linux 2023 AMI's snapshot size)." })
      .max(16384)
      .default(20)
      .meta({ description: "Size of the encrypted gp3 root volume in GiB. @default 20" }),
    desiredCount: z.int().min(0).default(2).meta({ description: "Instances when the group is created. @default 2" }),
    minCount: z.int().min(0).default(2).meta({ description: "Fewest instances. @default 2" }),
    maxCount: z.int().min(1).max(1000).default(6).meta({ description: "Most instances. @default 6" }),
    autoscaling: ServiceAutoscaling.default({ cpuPercent: 60 }),
    pathPatterns: pathPatterns(
      "Paths this tier answers: web, CloudFront and the public ALB send them here; app, the internal ALB routes them here.",
    ),
    environment: environmentVariables,
  })
  .superRefine(checkCounts)
  .meta({ description: "An EC2 Auto Scaling tier (compute: ec2-asg)." });

/** Where a function's code comes from. */
export const LambdaCode = z
  .union(
    [
      z.strictObject({
        s3Bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: "Write an S3 bucket name." }),
        s3Key: z.string().min(1).max(1024),
        s3ObjectVersion: z.string().min(1).optional(),
      }),
      z.strictObject({
        imageUri: z.string().regex(/^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/[a-z0-9._/-]+(:[\w.-]+|@sha256:[a-f0-9]{64})$/, {
          error: "Write an ECR image URI: <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag> or @sha256:<digest>.",
        }),
      }),
    ],
    { error: "Write code: { s3Bucket, s3Key } (a zip in S3) or code: { imageUri } (a container image in ECR)." },
  )
  .meta({ description: "The function's code: a zip in S3 (s3Bucket, s3Key, optional s3ObjectVersion) or an ECR image (imageUri)." });

/** A function behind the environment's API Gateway HTTP API. */
export const AppLambdaService = z
  .strictObject({
    name: serviceName,
    compute: z.literal("lambda").meta({ description: "AWS Lambda functions behind an API Gateway HTTP API." }),
    runtime: z
      .enum(LAMBDA_RUNTIMES, { error: `Write a Lambda runtime: ${orList(LAMBDA_RUNTIMES)}.` })
      .optional()
      .meta({ description: "Lambda managed runtime of a zip package (required with s3Bucket; not used with imageUri)." }),
    handler: z
      .string()
      .regex(/^[\w./$:-]{1,128}$/, { error: "Write a handler such as index.handler." })
      .optional()
      .meta({ description: "Handler of a zip package. @default index.handler (zip), none (image)" }),
    code: LambdaCode,
    architecture: z.enum(["arm64", "x86_64"]).default("arm64").meta({ description: "Instruction set. @default arm64" }),
    memoryMiB: z
      .int()
      .min(128, { error: "Write memoryMiB of at least 128 (the Lambda minimum)." })
      .max(10240, { error: "Write memoryMiB of at most 10240 (the Lambda maximum)." })
      .default(512)
      .meta({ description: "Function memory in MiB (128-10240); CPU scales with it. @default 512" }),
    timeoutSeconds: z
      .int()
      .min(1)
      .max(HTTP_API_MAX_INTEGRATION_TIMEOUT_SECONDS, {
        error: `Write timeoutSeconds of at most ${HTTP_API_MAX_INTEGRATION_TIMEOUT_SECONDS}: an HTTP API waits at most ${HTTP_API_MAX_INTEGRATION_TIMEOUT_SECONDS} seconds for its integration, and that quota cannot be raised (${HTTP_API_QUOTAS_DOC}).`,
      })
      .default(29)
      .meta({ description: "Function timeout in seconds (at most 30, the HTTP API integration limit). @default 29" }),
    reservedConcurrency: z
      .int()
      .min(1, { error: "Write reservedConcurrency of at least 1, or leave it out for no reservation." })
      .optional()
      .meta({
        description:
          "Concurrent executions reserved for (and capped at) this function. lz validate keeps 100 of the account's 1,000 unreserved. @default none (shares the unreserved pool)",
      }),
    throttlingRateLimit: z
      .number()
      .positive()
      .default(100)
      .meta({ description: "Steady-state requests per second for the function's routes. @default 100" }),
    throttlingBurstLimit: z
      .int()
      .positive()
      .default(200)
      .meta({ description: "Burst of requests for the function's routes. @default 200" }),
    pathPatterns: pathPatterns(
      "Paths the HTTP API routes to this function, each a prefix with a trailing /* (ANY /api/{proxy+}) or an exact path.",
    ),
    environment: environmentVariables,
  })
  .meta({ description: "An AWS Lambda function behind the HTTP API (compute: lambda)." });
