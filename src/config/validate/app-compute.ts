/**
 * The app tier's compute kinds (`compute: ec2-asg | lambda`): rules across fields and services that the shape
 * check cannot express.
 *
 * - an `ec2-asg` service with a written `amiSsmParameter` naming an architecture (`arm64`, `x86_64`) matches the
 *   instance type's (Graviton families are arm64, src/aws/ec2-instance-types.ts): an AMI of the other architecture
 *   fails every launch of the group;
 * - a `tier: app` service needs a `tier: web` service (the internal ALB admits web-tier instances only) and the app's
 *   `domain` (the internal ALB serves HTTPS with a DNS-validated certificate of `internal-<recordName>.<zone>`);
 * - a `lambda` service with a zip in S3 names its `runtime`; one with an image names neither `runtime` nor `handler`
 *   (the image carries both, https://docs.aws.amazon.com/lambda/latest/dg/images-create.html);
 * - a `lambda` path pattern is a prefix ending in `/*` or an exact path: HTTP API routes have no other wildcard
 *   (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html);
 * - the reserved concurrency of an environment's functions leaves 100 of the account's default 1,000 concurrent
 *   executions unreserved; Lambda refuses a reservation that would not
 *   ("You can reserve up to the Unreserved account concurrency value minus 100", {@link LAMBDA_RESERVED_CONCURRENCY_DOC}).
 */
import { ec2Architecture } from "../../aws/ec2-instance-types.js";
import { LAMBDA_DEFAULT_ACCOUNT_CONCURRENCY, LAMBDA_MINIMUM_UNRESERVED, LAMBDA_RESERVED_CONCURRENCY_DOC } from "../../aws/lambda.js";
import { httpApiRouteKey } from "../app-model.js";
import type { Problem } from "../problems.js";
import type { Validator } from "./context.js";

/** @see Validator */
export const validateAppCompute: Validator = (config) => {
  const problems: Problem[] = [];
  for (const env of config.environments) {
    const app = env.value.app;
    if (!app) continue;
    const at = (path: readonly PropertyKey[], message: string) => problems.push(env.source.problem(["app", ...path], message));
    let reserved = 0;
    const hasWebTier = app.services.some((s) => s.compute === "ec2-asg" && s.tier === "web");
    app.services.forEach((s, i) => {
      if (s.compute === "ec2-asg") {
        const arch = ec2Architecture(s.instanceType);
        const other = arch === "arm64" ? "x86_64" : "arm64";
        if (arch && s.amiSsmParameter?.includes(other))
          at(
            ["services", i, "amiSsmParameter"],
            `${s.amiSsmParameter} names an ${other} AMI, but ${s.instanceType} is ${arch}: every launch would fail. Write an ${arch} parameter, or leave amiSsmParameter out for Amazon Linux 2023 (${arch}).`,
          );
        if (s.tier === "app" && !app.domain)
          at(
            ["services", i, "tier"],
            "a tier: app service sits behind an internal ALB that serves HTTPS with a certificate of internal-<recordName>.<hostedZoneName>, so it needs the app's domain. Write app.domain (hostedZoneName, recordName), or write tier: web here.",
          );
        if (s.tier === "app" && !hasWebTier)
          at(
            ["services", i, "tier"],
            "a tier: app service sits behind the internal ALB, which admits only web-tier instances, and this environment has none. Add a compute: ec2-asg service with tier: web, or write tier: web here.",
          );
      }
      if (s.compute === "lambda") {
        const zip = "s3Bucket" in s.code;
        if (zip && s.runtime === undefined)
          at(
            ["services", i, "runtime"],
            "a function packaged as a zip in S3 needs its runtime. Write runtime:, for example runtime: nodejs22.x.",
          );
        if (!zip && s.runtime !== undefined)
          at(["services", i, "runtime"], "a container image carries its own runtime. Leave runtime out with code.imageUri.");
        if (!zip && s.handler !== undefined)
          at(["services", i, "handler"], "a container image sets its handler in its CMD. Leave handler out with code.imageUri.");
        s.pathPatterns.forEach((p, j) => {
          if (httpApiRouteKey(p) === undefined)
            at(
              ["services", i, "pathPatterns", j],
              `${p} cannot be an HTTP API route: routes take an exact path or a prefix ending in /* (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html). Write, for example, /orders/*.`,
            );
        });
        reserved += s.reservedConcurrency ?? 0;
        const limit = LAMBDA_DEFAULT_ACCOUNT_CONCURRENCY - LAMBDA_MINIMUM_UNRESERVED;
        if (s.reservedConcurrency !== undefined && reserved > limit)
          at(
            ["services", i, "reservedConcurrency"],
            `the functions of this environment reserve ${reserved} concurrent executions; Lambda keeps ${LAMBDA_MINIMUM_UNRESERVED} of the account's ${LAMBDA_DEFAULT_ACCOUNT_CONCURRENCY} unreserved, so at most ${limit} can be reserved (${LAMBDA_RESERVED_CONCURRENCY_DOC}). Lower reservedConcurrency, or leave it out.`,
          );
      }
    });
  }
  return problems;
};
