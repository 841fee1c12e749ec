/**
 * The application tier (`app:`): rules across fields that the shape check cannot express.
 *
 * - service names, ECR repositories and path patterns are unique in the environment (the ALB would route a
 *   path to the first matching rule only), and a variable is not both in `environment` and `secrets`;
 * - prod-segment (and shared-services) environments keep data safe: `database.multiAz`, `database.deletionProtection`,
 *   `database.backupRetentionDays >= 7`, and an explicit `shieldAdvanced` (a paid subscription, so the
 *   choice is written down);
 * - `edge.originSecretHeader: false` only with `edge.origin: vpc-origin`: an internet-facing ALB admits the CloudFront
 *   prefix list, shared by every distribution, so the header is its only lock;
 * - `cache.multiAz` needs at least one replica (ElastiCache fails over only to a replica,
 *   https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html);
 * - `database.maxAllocatedStorageGiB` is not below `allocatedStorageGiB` (RDS engines);
 * - a Multi-AZ Aurora cluster has at least one reader to fail over to
 *   (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html);
 * - the database and the cache are optional: the rules above apply only to the sections that are there;
 * - `backupCopy.region` is a real Region other than the environment's own;
 * - DynamoDB table names are unique, fit 255 characters with the `<organization>-<environment>-` prefix, each
 *   replica Region is a real Region, listed once and not the environment's own (a global table has at most one
 *   replica per Region, https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html),
 *   and prod tables keep point-in-time recovery;
 * - derived bucket names fit S3's 63-character limit.
 */
import { AWS_REGION_NAMES, AWS_REGIONS } from "../aws-regions.js";
import { closest, type Problem } from "../problems.js";
import { dynamodbTableEnvVar } from "../app-model.js";
import type { AppFile } from "../schema/app.js";
import type { Validator } from "./context.js";

/** @see Validator */
export const validateApp: Validator = (config) => {
  const problems: Problem[] = [];
  const org = config.shared.value.organization.name;
  for (const env of config.environments) {
    const { app, segment, region, accountId, name } = env.value;
    if (!app) continue;
    const at = (path: readonly PropertyKey[], message: string) => problems.push(env.source.problem(["app", ...path], message));
    const seen = { name: new Map<string, number>(), repo: new Map<string, number>(), path: new Map<string, string>() };
    app.services.forEach((s, i) => {
      const first = seen.name.get(s.name);
      if (first !== undefined)
        at(["services", i, "name"], `service name "${s.name}" is already used by services[${first}]. Give each service its own name.`);
      else seen.name.set(s.name, i);
      if (s.compute === undefined) {
        const repo = seen.repo.get(s.ecrRepository);
        if (repo !== undefined)
          at(
            ["services", i, "ecrRepository"],
            `ECR repository "${s.ecrRepository}" is already used by services[${repo}]. Give each service its own repository.`,
          );
        else seen.repo.set(s.ecrRepository, i);
      }
      s.pathPatterns?.forEach((p, j) => {
        const owner = seen.path.get(p);
        if (owner !== undefined)
          at(
            ["services", i, "pathPatterns", j],
            `path pattern ${p} is already routed to service ${owner}; the ALB sends it to the first matching rule only. Remove it or make it more specific.`,
          );
        else seen.path.set(p, s.name);
      });
      for (const key of Object.keys(s.compute === undefined ? s.secrets : {})) {
        if (s.compute === undefined && key in s.environment)
          at(["services", i, "secrets", key], `${key} is also set in environment. Keep it in secrets only.`);
      }
    });
    const db = app.database;
    if (db && !db.engine.startsWith("aurora") && db.maxAllocatedStorageGiB < db.allocatedStorageGiB) {
      at(
        ["database", "maxAllocatedStorageGiB"],
        `${db.maxAllocatedStorageGiB} GiB is below allocatedStorageGiB (${db.allocatedStorageGiB}). Write at least ${db.allocatedStorageGiB}; equal turns storage autoscaling off.`,
      );
    }
    if (db?.engine.startsWith("aurora") && db.multiAz && db.readReplicas < 1) {
      at(
        ["database", "multiAz"],
        "a Multi-AZ Aurora cluster needs a reader in another AZ to fail over to (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html). Write readReplicas: 1 or more, or multiAz: false.",
      );
    }
    const nlbServices = app.services.flatMap((s, i) => ("nlb" in s && s.nlb ? [{ s, i, nlb: s.nlb }] : []));
    if (nlbServices.length > 0 && !app.networkLoadBalancer)
      at(
        ["services", nlbServices[0]!.i, "loadBalancer"],
        "services behind the NLB need the app tier's NLB. Write networkLoadBalancer: {scheme: internal, allowedCidrs: [<client CIDR>]} under app:.",
      );
    if (nlbServices.length === 0 && app.networkLoadBalancer)
      at(
        ["networkLoadBalancer"],
        "no service has loadBalancer: nlb, so the NLB would have no listener. Remove networkLoadBalancer, or move a service to it.",
      );
    const nlbPorts = new Map<number, string>();
    for (const { s, i, nlb } of nlbServices) {
      const owner = nlbPorts.get(nlb.port);
      if (owner !== undefined)
        at(
          ["services", i, "nlb", "port"],
          `port ${nlb.port} is already the NLB listener of service ${owner}. Give each service its own port.`,
        );
      else nlbPorts.set(nlb.port, s.name);
      if (nlb.protocol === "TLS" && !app.domain)
        at(
          ["services", i, "nlb", "protocol"],
          "a TLS listener needs a certificate, which comes from the app's custom domain (nlb-<recordName>.<hostedZoneName>). Add app.domain, or write protocol: TCP and terminate TLS in the task.",
        );
    }
    const standby = app.domain?.failover?.secondary;
    if (standby && /(^|\.)cloudfront\.net$/.test(standby.dnsName))
      at(
        ["domain", "failover", "secondary", "dnsName"],
        "the primary failover record already points at a CloudFront distribution, and Route 53 refuses CloudFront as the target of both (https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html). Write a regional standby endpoint, for example a load balancer in another Region.",
      );
    if (app.edge.origin === "public-alb" && !app.edge.originSecretHeader) {
      at(
        ["edge", "originSecretHeader"],
        "an internet-facing ALB admits CloudFront's origin-facing prefix list, which every CloudFront distribution shares; the secret header is what keeps other distributions out (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/restrict-access-to-load-balancer.html). Write originSecretHeader: true, or origin: vpc-origin for an internal ALB.",
      );
    }
    if (app.cache?.multiAz && app.cache.replicas < 1) {
      at(
        ["cache", "multiAz"],
        "Multi-AZ with automatic failover needs at least one replica. Write replicas: 1 or more, or multiAz: false.",
      );
    }
    // The shared-services segment serves prod (DNS, CI, directory): its data is kept as prod's (protectedSegment).
    if (segment !== "nonprod") {
      if (db && !db.multiAz)
        at(["database", "multiAz"], `a ${segment}-segment database must have a Multi-AZ standby. Write multiAz: true.`);
      if (db && !db.deletionProtection)
        at(
          ["database", "deletionProtection"],
          `a ${segment}-segment database must be protected from deletion. Write deletionProtection: true.`,
        );
      if (db && db.backupRetentionDays < 7)
        at(
          ["database", "backupRetentionDays"],
          `${segment} keeps backups at least 7 days, got ${db.backupRetentionDays}. Write backupRetentionDays: 7 or more.`,
        );
      if (app.shieldAdvanced === undefined) {
        at(
          [],
          `a ${segment}-segment app must say whether it uses Shield Advanced (a paid subscription, USD 3,000/month per organization). Write shieldAdvanced: true or shieldAdvanced: false under app:.`,
        );
      }
    }
    if (app.backupCopy) {
      const r = app.backupCopy.region;
      if (!AWS_REGIONS[r]) {
        const guess = closest(r, AWS_REGION_NAMES);
        at(
          ["backupCopy", "region"],
          `"${r}" is not an AWS Region. ${guess ? `Did you mean ${guess}?` : `Write one of: ${AWS_REGION_NAMES.join(", ")}.`}`,
        );
      } else if (r === region) {
        at(
          ["backupCopy", "region"],
          `the backup copy must be in another Region than the environment (${region}). Write a different Region, for example ${region === "eu-central-1" ? "eu-west-1" : "eu-central-1"}.`,
        );
      }
    }
    validateDynamodbTables(app.dynamodbTables, { org, name, region, prod: segment !== "nonprod" }, at);
    const longest = `${org}-${name}-${accountId}-frontend-replica`;
    if (longest.length > 63) {
      at([], `bucket names such as ${longest} exceed S3's 63 characters. Shorten the organization or environment name.`);
    }
  }
  return problems;
};

/** The DynamoDB rules of {@link validateApp} for one environment; `at` reports a problem under `app:`. */
function validateDynamodbTables(
  tables: AppFile["dynamodbTables"],
  env: { readonly org: string; readonly name: string; readonly region: string; readonly prod: boolean },
  at: (path: readonly PropertyKey[], message: string) => void,
): void {
  const seen = new Map<string, number>();
  tables.forEach((t, i) => {
    const envVar = dynamodbTableEnvVar(t.name);
    const first = seen.get(envVar);
    if (first !== undefined)
      at(
        ["dynamodbTables", i, "name"],
        `table name "${t.name}" gives the same variable ${envVar} as dynamodbTables[${first}]. Give each table its own name.`,
      );
    else seen.set(envVar, i);
    const full = `${env.org}-${env.name}-${t.name}`;
    if (full.length > 255)
      at(["dynamodbTables", i, "name"], `the table name ${full.slice(0, 40)}... exceeds DynamoDB's 255 characters. Write a shorter name.`);
    if (env.prod && !t.pointInTimeRecovery)
      at(
        ["dynamodbTables", i, "pointInTimeRecovery"],
        "a prod-segment table must keep point-in-time recovery. Write pointInTimeRecovery: true.",
      );
    const regions = new Set<string>();
    t.replicaRegions.forEach((r, j) => {
      const path = ["dynamodbTables", i, "replicaRegions", j];
      if (!AWS_REGIONS[r]) {
        const guess = closest(r, AWS_REGION_NAMES);
        at(path, `"${r}" is not an AWS Region. ${guess ? `Did you mean ${guess}?` : `Write one of: ${AWS_REGION_NAMES.join(", ")}.`}`);
      } else if (r === env.region) {
        at(
          path,
          `a replica must be in another Region than the environment (${env.region}); the table itself is there. Write a different Region.`,
        );
      } else if (regions.has(r)) {
        at(path, `${r} is listed twice; a global table has at most one replica per Region. Remove the second.`);
      }
      regions.add(r);
    });
  });
}
