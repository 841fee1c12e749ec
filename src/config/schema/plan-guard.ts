/**
 * `planGuard:` in shared.yaml: the destroys and replaces of stateful resources a reviewer has accepted, for
 * `lz plan-guard`. Cross-field rules: src/config/validate/plan-guard.ts.
 */
import { z } from "zod";

/** One plan-guard exception: a destroy or replace of a stateful resource that a reviewer has accepted. */
export const PlanGuardAllow = z
  .strictObject({
    stack: z.string().min(1).meta({ description: "Stack name, for example workload-prod." }),
    address: z
      .string()
      .min(1)
      .meta({ description: "Terraform resource address as terraform plan prints it, for example aws_db_instance.data_primary_1A2B3C4D." }),
    actions: z
      .array(z.enum(["delete", "replace"], { error: "Write delete or replace." }))
      .min(1)
      .default(["delete", "replace"])
      .meta({ description: "Which changes are allowed. @default [delete, replace]" }),
    reason: z
      .string()
      .trim()
      .min(10, { error: "Write a reason of at least 10 characters: why losing this resource's data is acceptable." })
      .meta({ description: "Why this change is acceptable (at least 10 characters); echoed in the plan-guard summary." }),
  })
  .meta({ description: "A plan-guard exception." });

/** Settings of `lz plan-guard`, which fails a plan that deletes or replaces a stateful resource. */
export const PlanGuardSettings = z
  .strictObject({
    allow: z.array(PlanGuardAllow).default([]).meta({ description: "Accepted destroys or replaces, each with a reason. @default []" }),
  })
  .meta({ description: "Plan guard: stops plans that destroy or replace data-bearing resources." });
