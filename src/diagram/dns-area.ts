/**
 * Hybrid DNS in the diagram (`networkHub.dns`): the Resolver endpoints in the endpoint environment's VPC, next to
 * its privateApp tier that holds their addresses, the forwarding rules to the on-prem DNS servers (a dotted edge
 * from the endpoints to the data center, not constraining the layout), and the queries on-prem sends to the inbound
 * endpoint. Kept out of ./areas.ts, which lists it in `DIAGRAM_AREAS`.
 */
import type { DiagramArea } from "./areas.js";
import { ids } from "./areas.js";

/** Node id of the Resolver endpoints. */
export const dnsEndpointsId = (env: string) => `vpc_${env}_dns_endpoints`;

/** See the file comment; draws nothing without `model.dns`. */
export const hybridDnsArea: DiagramArea = (model, d) => {
  const dns = model.dns;
  if (!dns) return;
  const env = dns.endpointEnvironment;
  const node = dnsEndpointsId(env);
  const onPremRules = dns.forwardRules.filter((r) => r.kind === "on-premises");
  d.node(ids.vpc(env), node, "gateway", [
    "Route 53 Resolver endpoints",
    `inbound ${dns.inboundAddresses.map((a) => a.ip).join(", ")}`,
    `outbound ${dns.outboundAddresses.map((a) => a.ip).join(", ")}`,
    `zones ${dns.privateZones.map((z) => z.zoneName).join(", ")}`,
    `rules shared by RAM with every workload VPC`,
    ...(dns.dnsFirewall ? [`DNS Firewall: ${dns.dnsFirewall.blockedDomains.length} blocked domains`] : []),
  ]);
  d.edge({ from: ids.tier(env, "privateApp"), to: node, style: "solid", invisible: true, weight: 4 });
  d.edge({
    from: node,
    to: ids.onPremises(),
    style: "dotted",
    label: `forward ${onPremRules.map((r) => r.domainName).join(", ")} → ${dns.onPremisesResolvers.join(", ")} :53`,
    constraint: false,
  });
  d.edge({ from: ids.onPremises(), to: node, style: "dotted", label: `${dns.privateZoneDomain} queries :53`, constraint: false });
};
