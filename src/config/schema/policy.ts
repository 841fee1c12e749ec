/**
 * `policy:` of an account (shared.yaml's `networkHub`, every environment file): the accepted findings of the
 * synth-time policy pack. That each rule id exists is checked in src/config/validate/policy.ts.
 */
import { z } from "zod";

/** One accepted policy-pack finding: a rule not enforced in this account's stack, with the reason. */
export const PolicySuppression = z
  .strictObject({
    rule: z
      .string()
      .regex(/^LZ-[A-Z]+\d+$/, { error: "Write a rule id such as LZ-NET1 (see docs/rules.md)." })
      .meta({ description: "Policy-pack rule id, for example LZ-IAM3 (docs/rules.md lists them)." }),
    address: z.string().min(1).optional().meta({
      description:
        "Terraform address (or address prefix) the suppression is limited to, for example aws_iam_role.deploy. @default every resource of the stack",
    }),
    reason: z
      .string()
      .trim()
      .min(10, { error: "Write a reason of at least 10 characters: why this finding is acceptable here." })
      .meta({ description: "Why the finding is acceptable (at least 10 characters); echoed in the synth summary." }),
  })
  .meta({ description: "An accepted policy-pack finding." });

/** Policy-pack settings of one account stack. */
export const PolicySettings = z
  .strictObject({
    suppressions: z.array(PolicySuppression).default([]).meta({ description: "Accepted findings, each with a reason. @default []" }),
  })
  .meta({ description: "Synth-time policy pack: an error-level finding fails synthesis unless suppressed here." });
