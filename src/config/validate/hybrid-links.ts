/**
 * Redundant hybrid links: the plural forms `networkHub.hybrid.directConnect.transitVirtualInterfaces` and
 * `networkHub.hybrid.vpns`, checked as a whole (each entry's own settings are checked by ./hybrid.ts, like the
 * single forms).
 *
 * AWS rules encoded here:
 * - At most 4 transit virtual interfaces per dedicated connection or LAG, 1 per hosted connection, 30 virtual
 *   interfaces per Direct Connect gateway (the schema caps the list at 30), and 100 prefixes from on-prem per
 *   transit VIF BGP session ("Direct Connect quotas", https://docs.aws.amazon.com/directconnect/latest/UserGuide/limits.html).
 *   The hub associates one transit gateway with its Direct Connect gateway, within the quota of transit gateways per
 *   gateway; the allowed prefixes (at most 200) are checked by ./hybrid.ts.
 * - A VLAN id is unique per connection: each virtual interface of a connection is an 802.1Q VLAN on its port
 *   ("Virtual interfaces", https://docs.aws.amazon.com/directconnect/latest/UserGuide/WorkingWithVirtualInterfaces.html).
 * - Resilience: AWS's high-resiliency model is one connection at each of two or more locations, maximum resiliency
 *   two connections on separate devices at each of two locations ("AWS Direct Connect Resiliency Recommendations",
 *   https://aws.amazon.com/directconnect/resiliency-recommendation/). Several interfaces on one connection share
 *   its single point of failure, so that list is refused; a list at one location is accepted (AWS's development
 *   and test model) and `lz routes` shows its `dx-location-<code>-down` scenario taking every interface down.
 * - A customer gateway is identified by its IP address and ASN: creating a second one with the same values
 *   returns the first ("CreateCustomerGateway",
 *   https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateCustomerGateway.html), so each VPN
 *   connection of the list needs its own device address.
 * - BGP peer addresses of a virtual interface: both or neither, in one subnet (CreateTransitVirtualInterface,
 *   https://docs.aws.amazon.com/directconnect/latest/APIReference/API_NewTransitVirtualInterface.html).
 */
import { parseCidr } from "../../net/cidr.js";
import type { Problem } from "../problems.js";
import type { SourceFile } from "../source.js";
import type { Validator } from "./context.js";

/** Transit VIFs AWS accepts per dedicated connection or LAG (Direct Connect quotas; a hosted connection takes 1). */
export const TRANSIT_VIFS_PER_CONNECTION = 4;

/**
 * Prefixes on-prem may advertise to AWS over one transit VIF's BGP session: more, and AWS sets the session idle
 * (Direct Connect quotas, "Number of prefixes from on-premises to AWS on a transit virtual interface").
 */
export const ONPREM_PREFIXES_PER_TRANSIT_VIF = 100;

/** @see Validator */
export const validateHybridLinks: Validator = (config) => {
  const problems: Problem[] = [];
  const src = config.shared.source;
  const h = config.shared.value.networkHub.hybrid;
  if (!h) return problems;
  const base = ["networkHub", "hybrid"];
  const dx = h.directConnect;
  if (dx?.transitVirtualInterface && dx.transitVirtualInterfaces)
    problems.push(
      src.problem(
        [...base, "directConnect", "transitVirtualInterfaces"],
        "transitVirtualInterface and transitVirtualInterfaces are both set. Keep one: move the single interface into the list as its first entry (it keeps its Terraform addresses there).",
        { key: true },
      ),
    );
  if (h.vpn && h.vpns)
    problems.push(
      src.problem(
        [...base, "vpns"],
        "vpn and vpns are both set. Keep one: move the single VPN into the list as its first entry (it keeps its Terraform addresses there).",
        { key: true },
      ),
    );
  const onPrem = config.shared.value.networkHub.onPremises.cidrs;
  if ((dx?.transitVirtualInterface || dx?.transitVirtualInterfaces) && onPrem.length > ONPREM_PREFIXES_PER_TRANSIT_VIF)
    problems.push(
      src.problem(
        ["networkHub", "onPremises", "cidrs"],
        `on-prem advertises these ${onPrem.length} prefixes over each transit virtual interface, and AWS sets a BGP session with more than ${ONPREM_PREFIXES_PER_TRANSIT_VIF} idle. Summarize them into at most ${ONPREM_PREFIXES_PER_TRANSIT_VIF}.`,
      ),
    );
  const vifs = dx?.transitVirtualInterfaces ?? [];
  const vifPath = (i: number, ...rest: (string | number)[]) => [...base, "directConnect", "transitVirtualInterfaces", i, ...rest];
  const firstName = new Map<string, number>();
  const connections = new Map<string, { location: string; vlans: Map<number, number>; count: number }>();
  vifs.forEach((v, i) => {
    const seen = firstName.get(v.name);
    if (seen !== undefined)
      problems.push(
        src.problem(vifPath(i, "name"), `${v.name} is also the name of interface ${seen + 1}. Give each interface its own name.`),
      );
    else firstName.set(v.name, i);
    let c = connections.get(v.connectionId);
    if (!c) {
      c = { location: v.location, vlans: new Map(), count: 0 };
      connections.set(v.connectionId, c);
    } else if (c.location !== v.location)
      problems.push(
        src.problem(
          vifPath(i, "location"),
          `${v.connectionId} is at ${c.location} for another interface; a connection is at one location. Write location: ${c.location}, or the interface's own connection.`,
        ),
      );
    c.count++;
    if (c.count === TRANSIT_VIFS_PER_CONNECTION + 1)
      problems.push(
        src.problem(
          vifPath(i, "connectionId"),
          `${v.connectionId} would carry ${c.count} transit virtual interfaces; AWS allows ${TRANSIT_VIFS_PER_CONNECTION} per dedicated connection or LAG (1 per hosted connection). Put this interface on another connection.`,
        ),
      );
    const vlanOwner = c.vlans.get(v.vlan);
    if (vlanOwner !== undefined)
      problems.push(
        src.problem(
          vifPath(i, "vlan"),
          `VLAN ${v.vlan} is already used on ${v.connectionId} by interface ${vlanOwner + 1}; a VLAN id is unique per connection. Choose another VLAN.`,
        ),
      );
    else c.vlans.set(v.vlan, i);
    problems.push(...peerAddressProblems(src, vifPath(i), v.amazonAddress, v.customerAddress));
  });
  if (vifs.length > 1 && connections.size === 1)
    problems.push(
      src.problem(
        [...base, "directConnect", "transitVirtualInterfaces"],
        `every interface is on ${vifs[0]!.connectionId}, so one fibre cut or device failure takes them all down. Put each interface on its own connection, at two or more locations for AWS's high-resiliency model.`,
      ),
    );
  if (dx?.transitVirtualInterface) {
    const v = dx.transitVirtualInterface;
    problems.push(...peerAddressProblems(src, [...base, "directConnect", "transitVirtualInterface"], v.amazonAddress, v.customerAddress));
  }

  const vpns = h.vpns ?? [];
  const vpnName = new Map<string, number>();
  const cgwIp = new Map<string, number>();
  vpns.forEach((v, i) => {
    const seen = vpnName.get(v.name);
    if (seen !== undefined)
      problems.push(
        src.problem([...base, "vpns", i, "name"], `${v.name} is also the name of VPN ${seen + 1}. Give each VPN connection its own name.`),
      );
    else vpnName.set(v.name, i);
    const ip = cgwIp.get(v.customerGateway.ipAddress);
    if (ip !== undefined)
      problems.push(
        src.problem(
          [...base, "vpns", i, "customerGateway", "ipAddress"],
          `${v.customerGateway.ipAddress} is also VPN ${ip + 1}'s customer gateway; AWS returns the same customer gateway for the same address, so both connections would end on one device. Write the address of a second VPN device.`,
        ),
      );
    else cgwIp.set(v.customerGateway.ipAddress, i);
  });
  return problems;
};

/** Both BGP peer addresses or neither, each with host bits (an address), in one subnet, and different. */
function peerAddressProblems(
  src: SourceFile,
  path: readonly (string | number)[],
  amazon: string | undefined,
  customer: string | undefined,
): Problem[] {
  if (amazon === undefined && customer === undefined) return [];
  if (amazon === undefined || customer === undefined)
    return [
      src.problem(
        [...path, amazon === undefined ? "customerAddress" : "amazonAddress"],
        "set amazonAddress and customerAddress together, or neither (AWS then assigns both). Add the other one.",
      ),
    ];
  const a = parseCidr(amazon);
  const c = parseCidr(customer);
  if (a.network !== c.network)
    return [
      src.problem(
        [...path, "customerAddress"],
        `${customer} is not in the subnet of amazonAddress ${amazon}; the two BGP peers share one subnet. Write an address of ${a.network}.`,
      ),
    ];
  if (amazon === customer)
    return [src.problem([...path, "customerAddress"], `${customer} is also amazonAddress. Write the on-prem router's own address.`)];
  return [];
}
