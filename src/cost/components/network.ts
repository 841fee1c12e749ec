/**
 * Pricing of the network and account plumbing: NAT gateways, Transit Gateway attachments, flow logs in
 * CloudWatch Logs, KMS keys, alert topics, Site-to-Site VPN, Direct Connect and Network Firewall. Each function
 * is pure: quantities in, {@link CostLine}s out.
 */
import type {
  DirectConnectInputs,
  FlowLogInputs,
  NatGatewayInputs,
  InterfaceEndpointInputs,
  NetworkFirewallInputs,
  ResolverEndpointInputs,
  TransitGatewayInputs,
  VpnInputs,
} from "../inputs.js";
import { count, fmt, line, round2, type CostLine } from "../line.js";
import type { PriceTable } from "../prices/types.js";

/** Days in an average month, for turning a retention in days into months of stored logs. */
const DAYS_PER_MONTH = 365 / 12;

/**
 * NAT gateway hours (every gateway all month) and GB processed. Price: https://aws.amazon.com/vpc/pricing/
 * Traffic through a NAT gateway to the internet also pays data transfer out, which is not included.
 */
export function natGatewayCost(nat: NatGatewayInputs, hoursPerMonth: number, prices: PriceTable): CostLine[] {
  const placement =
    nat.placement === "one-per-az" ? `one-per-az, ${count(nat.azCount, "AZ")}` : `single, shared by ${count(nat.azCount, "AZ")}`;
  return [
    line(
      "nat-gateway-hours",
      "NAT gateway hours",
      `${count(nat.count, "gateway")} (${placement}) × ${fmt(hoursPerMonth)} h`,
      nat.count * hoursPerMonth,
      prices.natGatewayHour,
    ),
    line(
      "nat-gateway-data",
      "NAT gateway data processed",
      `${fmt(nat.gbProcessedPerMonth)} GB/month`,
      nat.gbProcessedPerMonth,
      prices.natGatewayGb,
    ),
  ];
}

/**
 * Transit Gateway attachment hours and GB processed. The attachment's owner pays its hours; the sender's
 * attachment pays for data processed. The gateway itself has no hourly fee.
 * Price: https://aws.amazon.com/transit-gateway/pricing/
 */
export function transitGatewayCost(tgw: TransitGatewayInputs, hoursPerMonth: number, prices: PriceTable): CostLine[] {
  const kinds = tgw.kinds.length > 0 ? ` (${tgw.kinds.join(", ")})` : "";
  return [
    line(
      "tgw-attachment-hours",
      "Transit Gateway attachment hours",
      `${count(tgw.attachments, "attachment")}${kinds} × ${fmt(hoursPerMonth)} h`,
      tgw.attachments * hoursPerMonth,
      prices.transitGatewayAttachmentHour,
    ),
    line(
      "tgw-data",
      "Transit Gateway data processed",
      `${fmt(tgw.gbProcessedPerMonth)} GB/month sent`,
      tgw.gbProcessedPerMonth,
      prices.transitGatewayGb,
    ),
  ];
}

/**
 * Flow logs in CloudWatch Logs: ingestion (vended-logs rate), and storage at steady state, which is the
 * ingested GB per month times the retention in months. CloudWatch bills stored logs at their compressed size,
 * so the storage line is an upper bound. Price: https://aws.amazon.com/cloudwatch/pricing/
 */
export function flowLogCost(logs: FlowLogInputs, prices: PriceTable): CostLine[] {
  const storedGb = logs.gbIngestedPerMonth * (logs.retentionDays / DAYS_PER_MONTH);
  return [
    line(
      "flow-logs-ingestion",
      "Flow logs: CloudWatch Logs ingestion",
      `${fmt(logs.gbIngestedPerMonth)} GB/month`,
      logs.gbIngestedPerMonth,
      prices.cloudWatchLogsIngestGb,
    ),
    line(
      "flow-logs-storage",
      "Flow logs: CloudWatch Logs storage",
      `kept ${logs.retentionDays} days: ${fmt(Math.round(storedGb))} GB stored (uncompressed, an upper bound)`,
      storedGb,
      prices.cloudWatchLogsStorageGbMonth,
    ),
  ];
}

/** Customer managed KMS keys at their monthly fee (requests not included). Price: https://aws.amazon.com/kms/pricing/ */
export function kmsKeyCost(keys: { readonly count: number }, prices: PriceTable): CostLine[] {
  return [line("kms-keys", "KMS keys", `${count(keys.count, "key")} (logs, data, secrets) × 1 month`, keys.count, prices.kmsKeyMonth)];
}

/**
 * SNS alert topics: a standard topic has no monthly fee, and alarm emails stay within the free 1,000 deliveries
 * a month, so the line is $0; it is listed so the table accounts for every resource that could bill.
 * Price: https://aws.amazon.com/sns/pricing/
 */
export function alertTopicCost(topics: { readonly count: number }): CostLine[] {
  return [
    {
      key: "alert-topic",
      component: "SNS alert topic",
      driver: `${count(topics.count, "topic")}: no monthly fee; alarm emails within the free tier`,
      quantity: topics.count,
      unitUsd: 0,
      unit: "topic-month",
      monthlyUsd: 0,
      source: "https://aws.amazon.com/sns/pricing/",
    },
  ];
}

/** Site-to-Site VPN connection hours (data transfer out not included). Price: https://aws.amazon.com/vpn/pricing/ */
export function vpnCost(vpn: VpnInputs, hoursPerMonth: number, prices: PriceTable): CostLine[] {
  return [
    line(
      "vpn-connection-hours",
      "Site-to-Site VPN connection hours",
      `${count(vpn.connections, "connection")} × ${fmt(hoursPerMonth)} h`,
      vpn.connections * hoursPerMonth,
      prices.vpnConnectionHour,
    ),
  ];
}

/**
 * Direct Connect dedicated port hours (when the organization owns the port) and data transferred out to
 * on-prem. A hosted connection is billed by the partner instead; its data out is still AWS's.
 * Price: https://aws.amazon.com/directconnect/pricing/
 */
export function directConnectCost(dx: DirectConnectInputs, hoursPerMonth: number, prices: PriceTable): CostLine[] {
  const lines: CostLine[] = [];
  if (dx.ports > 0) {
    lines.push(
      line(
        "dx-port-hours",
        "Direct Connect port hours",
        `${count(dx.ports, "dedicated port")} (${dx.portSpeed}) × ${fmt(hoursPerMonth)} h`,
        dx.ports * hoursPerMonth,
        prices.directConnectPortHour[dx.portSpeed],
      ),
    );
  }
  lines.push(
    line(
      "dx-data-out",
      "Direct Connect data out",
      `${fmt(dx.gbOutPerMonth)} GB/month to on-prem`,
      dx.gbOutPerMonth,
      prices.directConnectDataOutGb,
    ),
  );
  return lines;
}

/**
 * AWS Network Firewall endpoint hours (one endpoint per AZ) and GB processed. AWS waives one NAT gateway hour
 * and GB for each firewall endpoint hour and GB in the same path; the estimate does not subtract that, so it
 * is an upper bound when both are used. Price: https://aws.amazon.com/network-firewall/pricing/
 */
export function networkFirewallCost(fw: NetworkFirewallInputs, hoursPerMonth: number, prices: PriceTable): CostLine[] {
  const where = fw.placement === "central" ? "central inspection VPC" : "firewall tier in this VPC";
  return [
    line(
      "network-firewall-endpoint-hours",
      "Network Firewall endpoint hours",
      `${count(fw.endpoints, "endpoint")} (${where}) × ${fmt(hoursPerMonth)} h`,
      fw.endpoints * hoursPerMonth,
      prices.networkFirewallEndpointHour,
    ),
    line(
      "network-firewall-data",
      "Network Firewall data processed",
      `${fmt(fw.gbProcessedPerMonth)} GB/month`,
      fw.gbProcessedPerMonth,
      prices.networkFirewallGb,
    ),
  ];
}

/**
 * Gateway VPC endpoints (S3, DynamoDB): no hourly or data-processing charge, so the VPC's S3 and DynamoDB traffic
 * does not pay the NAT gateway's (or the inspection firewall's) per-GB processing; the line is $0 and says so.
 * The NAT usage assumption is not reduced: how much of it is S3 and DynamoDB traffic is not known here.
 * Price: https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html ("Pricing")
 */
export function gatewayEndpointCost(endpoints: { readonly services: readonly string[] }): CostLine[] {
  return [
    {
      key: "gateway-endpoints",
      component: "Gateway VPC endpoints",
      driver: `${count(endpoints.services.length, "endpoint")} (${endpoints.services.join(", ")}): no charge; their traffic bypasses NAT and firewall processing`,
      quantity: endpoints.services.length,
      unitUsd: 0,
      unit: "endpoint-month",
      monthlyUsd: 0,
      source: "https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html",
    },
  ];
}

/**
 * Route 53 Resolver endpoints: every IP address (elastic network interface) of every endpoint all month, and the
 * queries through them. The first billion queries a month are priced; beyond it AWS charges less, which this
 * upper bound ignores. Price: https://aws.amazon.com/route53/pricing/
 */
export function resolverEndpointCost(r: ResolverEndpointInputs, hoursPerMonth: number, prices: PriceTable): CostLine[] {
  return [
    line(
      "resolver-endpoint-hours",
      "Route 53 Resolver endpoint IP addresses",
      `${r.ipAddresses} IP address${r.ipAddresses === 1 ? "" : "es"} (one ENI each) over ${count(r.endpoints, "endpoint")} × ${fmt(hoursPerMonth)} h`,
      r.ipAddresses * hoursPerMonth,
      prices.resolverEndpointIpHour,
    ),
    line(
      "resolver-endpoint-queries",
      "Route 53 Resolver endpoint queries",
      `${fmt(r.queriesMillionsPerMonth)} million queries/month`,
      r.queriesMillionsPerMonth,
      prices.resolverQueriesMillion,
    ),
  ];
}

/**
 * Interface VPC endpoints: every endpoint in every AZ all month, the GB they process, and what that traffic no
 * longer pays on its way without them, as a negative line: the NAT gateway's per-GB processing, or with central
 * inspection the transit gateway's, the hub firewall's and the hub NAT gateway's (billed in the hub; the usage
 * assumptions of the NAT, TGW and firewall lines are not reduced, this line stands for it). Data transfer is not
 * included. Price: https://aws.amazon.com/privatelink/pricing/
 */
export function interfaceEndpointCost(e: InterfaceEndpointInputs, hoursPerMonth: number, prices: PriceTable): CostLine[] {
  const n = e.services.length;
  const perGb =
    e.withoutEndpoints === "nat"
      ? prices.natGatewayGb.usd
      : prices.transitGatewayGb.usd + prices.networkFirewallGb.usd + prices.natGatewayGb.usd;
  const path = e.withoutEndpoints === "nat" ? "the NAT gateway" : "the transit gateway, the hub's Network Firewall and NAT gateway";
  return [
    line(
      "interface-endpoint-hours",
      "Interface VPC endpoint hours",
      `${count(n, "endpoint")} (${e.services.join(", ")}) × ${count(e.azCount, "AZ")} × ${fmt(hoursPerMonth)} h`,
      n * e.azCount * hoursPerMonth,
      prices.interfaceEndpointAzHour,
    ),
    line(
      "interface-endpoint-data",
      "Interface VPC endpoint data processed",
      `${fmt(e.gbProcessedPerMonth)} GB/month`,
      e.gbProcessedPerMonth,
      prices.interfaceEndpointGb,
    ),
    {
      key: "interface-endpoint-saved",
      component: "Processing avoided by interface endpoints",
      driver: `${fmt(e.gbProcessedPerMonth)} GB/month no longer through ${path}`,
      quantity: e.gbProcessedPerMonth,
      unitUsd: -perGb,
      unit: "GB not processed",
      monthlyUsd: round2(-e.gbProcessedPerMonth * perGb),
      source: e.withoutEndpoints === "nat" ? prices.natGatewayGb.source : prices.networkFirewallGb.source,
    },
  ];
}
