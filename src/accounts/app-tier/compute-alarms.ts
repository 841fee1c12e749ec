/** Alarms and dashboard widgets of the app tier's EC2 tiers, Lambda functions and HTTP API (see ./compute.ts). */
import type { Construct } from "constructs";
import type { WorkloadModel } from "../../config/index.js";
import { type AlarmSet, type AlarmTarget, AutoScalingTierAlarms, HttpApiAlarms, LambdaAlarms } from "../../modules/observability/index.js";
import type { AppTier } from "./app-tier.js";

/**
 * `asg-alarms-<name>` per EC2 tier (CPU at the environment's `ecsCpuPercent` threshold, unhealthy targets),
 * `lambda-alarms-<name>` per function (errors, throttles) and `http-api-alarms` (5xx), under `scope` (the stack).
 * Empty for an app tier without those kinds.
 */
export function computeAlarms(scope: Construct, app: AppTier, env: WorkloadModel, target: AlarmTarget): AlarmSet[] {
  const sets: AlarmSet[] = [];
  const model = env.app;
  if (!model) return sets;
  for (const svc of model.services) {
    if (svc.compute === "ec2-asg") {
      const tier = app.compute.tiers[svc.name]!;
      const lb = svc.tier === "app" ? app.compute.internalAlb! : app.alb;
      sets.push(
        new AutoScalingTierAlarms(scope, `asg-alarms-${svc.name}`, {
          ...target,
          autoScalingGroupName: tier.autoScalingGroupName,
          targetGroupArnSuffix: tier.targetGroupArnSuffix,
          loadBalancerArnSuffix: lb.arnSuffix,
          cpuPercent: env.alarms.ecsCpuPercent,
        }),
      );
    }
    if (svc.compute === "lambda")
      sets.push(
        new LambdaAlarms(scope, `lambda-alarms-${svc.name}`, { ...target, functionName: app.compute.functions[svc.name]!.functionName }),
      );
  }
  if (app.compute.httpApi && model.httpApiName)
    sets.push(new HttpApiAlarms(scope, "http-api-alarms", { ...target, apiName: model.httpApiName, apiId: app.compute.httpApi.apiId }));
  return sets;
}
