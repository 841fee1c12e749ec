/**
 * Pricing of the app tier's EC2 Auto Scaling tiers and Lambda functions behind the HTTP API. Pure: quantities in,
 * {@link CostLine}s out. Free tiers are not subtracted.
 */
import type { Ec2TierInputs, LambdaInputs } from "../inputs.js";
import { count, fmt, line, unpricedLine, type CostLine } from "../line.js";
import { PRICING_PAGES, type PriceTable } from "../prices/index.js";
import { lookup } from "./app.js";

/**
 * EC2 instance hours of every tier at its desired count all month (Linux on-demand; scaling above the desired count
 * is not included), one line per instance type, and the tiers' gp3 root volumes.
 * Prices: https://aws.amazon.com/ec2/pricing/on-demand/, https://aws.amazon.com/ebs/pricing/
 * An instance type the table lacks gives an unpriced line ({@link CostLine.unpriced}).
 */
export function ec2TierCost(tiers: readonly Ec2TierInputs[], hoursPerMonth: number, prices: PriceTable): CostLine[] {
  if (tiers.length === 0) return [];
  const types = [...new Set(tiers.map((t) => t.instanceType))].sort();
  const lines = types.map((type) => {
    const of = tiers.filter((t) => t.instanceType === type);
    const instances = of.reduce((sum, t) => sum + t.desiredCount, 0);
    const driver = `${of.map((t) => `${t.name} ${t.desiredCount}`).join(", ")} × ${type} × ${fmt(hoursPerMonth)} h`;
    const key = `ec2-${type}-hours`;
    const component = `EC2 ${type} instance hours`;
    const priced = lookup(prices.ec2InstanceHour, type, "EC2 instance type", prices.region);
    return typeof priced === "string"
      ? unpricedLine(key, component, driver, instances * hoursPerMonth, "instance-hour", PRICING_PAGES.ec2, priced)
      : line(key, component, driver, instances * hoursPerMonth, priced);
  });
  const gb = tiers.reduce((sum, t) => sum + t.desiredCount * t.rootVolumeGiB, 0);
  lines.push(
    line(
      "ec2-root-volumes",
      "EBS gp3 root volumes",
      tiers.map((t) => `${t.name} ${t.desiredCount} × ${fmt(t.rootVolumeGiB)} GB`).join(", "),
      gb,
      prices.ebsGp3GbMonth,
    ),
  );
  return lines;
}

/**
 * Lambda requests and GB-seconds (`memory GB × average duration × requests`, per architecture), and the HTTP API's
 * requests (every function request comes through it).
 * Prices: https://aws.amazon.com/lambda/pricing/, https://aws.amazon.com/api-gateway/pricing/
 */
export function lambdaCost(lambda: LambdaInputs, prices: PriceTable): CostLine[] {
  const n = lambda.functions.length;
  if (n === 0) return [];
  const requests = n * lambda.requestsPerFunctionPerMonth;
  const seconds = lambda.averageDurationMs / 1000;
  const lines = [
    line(
      "lambda-requests",
      "Lambda requests",
      `${count(n, "function")} × ${fmt(lambda.requestsPerFunctionPerMonth)} requests`,
      requests / 1e6,
      prices.lambdaRequestsMillion,
    ),
  ];
  for (const arch of ["arm64", "x86_64"] as const) {
    const fns = lambda.functions.filter((f) => f.architecture === arch);
    if (fns.length === 0) continue;
    const gbSeconds = fns.reduce((sum, f) => sum + (f.memoryMiB / 1024) * seconds * lambda.requestsPerFunctionPerMonth, 0);
    lines.push(
      line(
        `lambda-compute-${arch}`,
        `Lambda compute (${arch})`,
        `${fns.map((f) => `${f.name} ${fmt(f.memoryMiB / 1024)} GB`).join(", ")} × ${fmt(lambda.averageDurationMs)} ms × ${fmt(lambda.requestsPerFunctionPerMonth)} requests`,
        gbSeconds,
        prices.lambdaGbSecond[arch],
      ),
    );
  }
  lines.push(
    line(
      "http-api-requests",
      "API Gateway HTTP API requests",
      `${fmt(requests)} requests (all functions)`,
      requests / 1e6,
      prices.httpApiRequestsMillion,
    ),
  );
  return lines;
}
