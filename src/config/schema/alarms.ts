/**
 * Where an account's alerts go (`alerts:`, in shared.yaml's `networkHub` and in every environment file) and the
 * thresholds of a workload account's CloudWatch alarms (`alarms:` in an environment file).
 */
import { z } from "zod";

/** Where an account's alarms and security findings are sent. */
export const AlertSettings = z
  .strictObject({
    emails: z
      .array(z.email({ error: "Write an email address, for example platform-alerts@example.com." }))
      .default([])
      .meta({ description: "Email addresses subscribed to the account's alert topic; each must confirm once. @default []" }),
  })
  .meta({ description: "Alerts: a KMS-encrypted SNS topic per account that alarms and findings publish to." });

/** CloudWatch alarm thresholds of a workload account; each has a default. */
export const AlarmSettings = z
  .strictObject({
    natPortAllocationErrors: z
      .int()
      .min(1)
      .default(1)
      .meta({ description: "NAT gateway ErrorPortAllocation count per 5 minutes that alarms. @default 1" }),
    alb5xxPercent: z
      .number()
      .min(0.1)
      .max(100)
      .default(5)
      .meta({ description: "ALB target + ELB 5xx responses, percent of requests over 5 minutes. @default 5" }),
    albTargetResponseSeconds: z.number().min(0.01).default(2).meta({ description: "ALB target response time p95, seconds. @default 2" }),
    ecsCpuPercent: z.number().min(1).max(100).default(85).meta({ description: "ECS service average CPU, percent. @default 85" }),
    ecsMemoryPercent: z.number().min(1).max(100).default(85).meta({ description: "ECS service average memory, percent. @default 85" }),
    rdsCpuPercent: z.number().min(1).max(100).default(80).meta({ description: "RDS CPU, percent. @default 80" }),
    rdsFreeStorageGiB: z.number().min(0.1).default(10).meta({ description: "RDS free storage below this many GiB alarms. @default 10" }),
    rdsReplicaLagSeconds: z.number().min(1).default(60).meta({ description: "RDS replica lag, seconds. @default 60" }),
    rdsConnections: z.int().min(1).default(500).meta({ description: "RDS database connections. @default 500" }),
    cacheCpuPercent: z.number().min(1).max(100).default(75).meta({ description: "ElastiCache engine CPU, percent. @default 75" }),
    cacheEvictions: z.int().min(1).default(100).meta({ description: "ElastiCache evictions per 5 minutes. @default 100" }),
    wafBlockedRequests: z
      .int()
      .min(1)
      .default(1000)
      .meta({ description: "WAF blocked requests per 5 minutes (an IP flood or attack). @default 1000" }),
  })
  .meta({ description: "Alarm thresholds; every alarm notifies the account's alert topic." });
