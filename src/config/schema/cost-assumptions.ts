/**
 * `costAssumptions:` of an environment file: the usage figures `lz cost` prices (src/cost/). A new figure goes at
 * the end of {@link CostAssumptions} (then `npx lz schema`).
 */
import { z } from "zod";

const usage = (description: string, dflt: number, max = 1e12) =>
  z
    .number({ error: `Write a number of at least 0, for example ${dflt}.` })
    .min(0, { error: `Write a number of at least 0, for example ${dflt}.` })
    .max(max, { error: `Write a number of at most ${max}.` })
    .default(dflt)
    .meta({ description: `${description} @default ${dflt}` });

/**
 * What `lz cost` assumes about usage in one environment's account: traffic, requests, log volume and event counts
 * per month. They never change what is synthesized. Every figure is per month and per account. The defaults are
 * a small, steady workload; set the ones you know. See src/cost/ for how each one is priced.
 */
export const CostAssumptions = z
  .strictObject({
    hoursPerMonth: z
      .number({ error: "Write hoursPerMonth as a number of hours, for example 730." })
      .min(1, { error: "Write hoursPerMonth between 1 and 744 (31 days)." })
      .max(744, { error: "Write hoursPerMonth between 1 and 744 (31 days)." })
      .default(730)
      .meta({ description: "Hours every always-on resource runs in a month (AWS prices a month as 730 hours). @default 730" }),
    natGatewayGbProcessedPerMonth: usage(
      "GB processed by all NAT gateways of the VPC together (egress to the internet and its replies).",
      100,
    ),
    transitGatewayGbProcessedPerMonth: usage("GB this account sends through the Transit Gateway (to on-prem and the hub).", 50),
    networkFirewallGbProcessedPerMonth: usage(
      "GB inspected by Network Firewall for this account's traffic, when it has firewall endpoints.",
      100,
    ),
    flowLogGbPerMonth: usage("GB of VPC flow-log records ingested into CloudWatch Logs.", 20),
    albLcuPerHour: usage("Average load balancer capacity units (LCU) per ALB per hour.", 1, 1e6),
    cloudFrontDataOutGbPerMonth: usage("GB CloudFront serves to viewers.", 100),
    cloudFrontHttpsRequestsPerMonth: usage("HTTPS requests CloudFront serves.", 10_000_000),
    wafRequestsPerMonth: usage("Requests inspected by the web ACLs (CloudFront and ALB together).", 10_000_000),
    directConnectGbOutPerMonth: usage("GB sent from AWS to on-prem over Direct Connect (hub account).", 100),
    cloudTrailManagementEventsPerMonth: usage(
      "Management events in the account. The first trail's copy is free; GuardDuty analyses them.",
      500_000,
    ),
    cloudTrailDataEventsPerMonth: usage(
      "CloudTrail data events recorded (S3 object and Lambda invoke events), when data events are on.",
      0,
    ),
    configItemsPerMonth: usage("AWS Config configuration items recorded (continuous recording).", 2_000),
    configRuleEvaluationsPerMonth: usage("AWS Config rule evaluations.", 20_000),
    guardDutyDnsLogGbPerMonth: usage("GB of DNS query logs GuardDuty analyses (VPC flow logs are counted from flowLogGbPerMonth).", 2),
    securityHubChecksPerMonth: usage("Security Hub security checks run.", 5_000),
    nlbNlcuPerHour: usage("Average Network Load Balancer capacity units (NLCU) per NLB per hour, where the app tier has an NLB.", 1, 1e6),
    resolverQueriesMillionsPerMonth: usage(
      "Millions of DNS queries through the Route 53 Resolver endpoints (both directions), in the environment that hosts them (networkHub.dns.resolverEndpointsIn).",
      10,
    ),
    interfaceEndpointGbProcessedPerMonth: usage(
      "GB of AWS API traffic (image pulls from ECR, logs, secrets) through the VPC's interface endpoints, when vpc.interfaceEndpoints lists any.",
      20,
    ),
    lambdaRequestsPerFunctionPerMonth: usage(
      "Requests each Lambda service (compute: lambda) serves; the HTTP API carries the same requests.",
      1_000_000,
    ),
    lambdaAverageDurationMs: usage("Average duration of a Lambda invocation, in milliseconds (billed per millisecond).", 200, 900_000),
  })
  .meta({
    description: "Usage assumptions of `lz cost` for this account, per month; they change no resource. @default the defaults of each field",
  });

/** Usage assumptions of the cost estimate, after defaults. */
export type CostAssumptionsFile = z.output<typeof CostAssumptions>;
