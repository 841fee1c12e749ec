/**
 * CloudWatch Logs retention values, shared by every schema file that configures a log group (kept apart
 * so the area files, which ./index.ts imports, can use it without an import cycle).
 */
import { z } from "zod";

/**
 * Retention periods (days) that CloudWatch Logs `PutRetentionPolicy` accepts
 * (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html).
 */
export const CLOUDWATCH_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/**
 * A zod schema for a log group's retention in days: an integer CloudWatch Logs accepts, else the error
 * lists the accepted values.
 * @param dflt the default, in days (must be one of {@link CLOUDWATCH_RETENTION_DAYS}).
 * @param description the field's description; ` @default <dflt>` is appended.
 */
export function logRetentionDays(dflt: (typeof CLOUDWATCH_RETENTION_DAYS)[number], description: string) {
  return z
    .int()
    .refine((v) => (CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(v), {
      error: `CloudWatch Logs accepts only these retention periods (days): ${CLOUDWATCH_RETENTION_DAYS.join(", ")}.`,
    })
    .default(dflt)
    .meta({ description: `${description} @default ${dflt}` });
}
