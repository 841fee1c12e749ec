/**
 * Hybrid connectivity: Direct Connect, Site-to-Site VPN, the inspection VPC, and each environment's inspection
 * mode and on-prem access.
 *
 * AWS rules encoded here:
 * - VPN tunnel inside CIDRs: a /30 in 169.254.0.0/16, not one of the reserved /30s
 *   (https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html, "Inside tunnel IPv4 CIDR").
 * - Phase 2 lifetime must be less than phase 1 lifetime (same page, "Phase 2 lifetime").
 * - Direct Connect gateway and transit gateway ASNs differ
 *   (https://docs.aws.amazon.com/directconnect/latest/UserGuide/direct-connect-transit-gateways.html).
 * - With Direct Connect, the VPN must use BGP: a static-only VPN means static TGW routes to the VPN, and static
 *   routes beat Direct Connect-propagated routes of the same prefix (TGW route evaluation order,
 *   https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html#tgw-route-evaluation-overview).
 * - Allowed prefixes on the DX gateway association are what on-prem learns over DX; a reachable VPC they do
 *   not cover is reached over the VPN only, or not at all (at most 200 prefixes).
 * - Central inspection carries the VPC's egress through the hub (0.0.0.0/0 → transit gateway → inspection VPC and
 *   its NAT gateways, "Centralized egress to internet",
 *   https://docs.aws.amazon.com/whitepapers/latest/building-scalable-secure-multi-vpc-network-infrastructure/centralized-egress-to-internet.html),
 *   so its VPC builds no NAT gateway: `natGateways` is `none` or absent there, and `none` only there.
 * - Per-vpc inspection puts the firewall between the internet gateway and the public subnets, which every
 *   workload VPC has; its policy (domain allow-list, Suricata rules, log retention) is the one of
 *   `networkHub.hybrid.inspection`, which must therefore be set. The inspection VPC itself is built only when an
 *   environment uses central inspection.
 */
import { contains, hasHostBits, isRfc1918, overlaps, parseCidr, type Cidr } from "../../net/cidr.js";
import { reachableFromOnPremises } from "../model-hybrid.js";
import type { Problem } from "../problems.js";
import { isPrivateAsn } from "./asns.js";
import type { Validator } from "./context.js";

/** /30 blocks of 169.254.0.0/16 that AWS reserves and rejects as VPN inside CIDRs. */
export const RESERVED_VPN_INSIDE_CIDRS = [
  "169.254.0.0/30",
  "169.254.1.0/30",
  "169.254.2.0/30",
  "169.254.3.0/30",
  "169.254.4.0/30",
  "169.254.5.0/30",
  "169.254.169.252/30",
] as const;
const LINK_LOCAL = parseCidr("169.254.0.0/16");
/** Inbound (and outbound) rules a network ACL holds by default ("Amazon VPC quotas", https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html). */
const NETWORK_ACL_RULES_PER_DIRECTION = 20;

/** @see Validator */
export const validateHybrid: Validator = (config) => {
  const problems: Problem[] = [];
  const { shared, environments, fileNames } = config;
  const src = shared.source;
  const hub = shared.value.networkHub;
  const h = hub.hybrid;
  const base = ["networkHub", "hybrid"];
  const onPrem = hub.onPremises.cidrs.map(parseCidr);
  const tgwAsn = hub.transitGateway.amazonSideAsn;

  // Environments: inspection mode and on-prem access.
  const centralSegments = new Set<string>();
  for (const env of environments) {
    const { inspection, onPremisesAccess, segment } = env.value;
    const nat = env.value.vpc.natGateways;
    if (inspection === "central" && nat !== undefined && nat !== "none") {
      problems.push(
        env.source.problem(
          ["vpc", "natGateways"],
          `${nat} NAT gateways would carry no traffic: central inspection carries egress through the hub. Write natGateways: none (or remove it).`,
        ),
      );
    }
    if (inspection !== "central" && nat === "none") {
      problems.push(
        env.source.problem(
          ["vpc", "natGateways"],
          `without NAT gateways the private app tier has no way to the internet; only inspection: central carries egress elsewhere (through the hub). Write natGateways: one-per-az or single, or inspection: central.`,
        ),
      );
    }
    if (inspection === "central") {
      if (!h?.inspection) {
        problems.push(
          env.source.problem(
            ["inspection"],
            `central inspection needs the hub inspection VPC, but networkHub.hybrid.inspection is not set in ${src.file}. Add it, or write inspection: none.`,
          ),
        );
      }
      if (segment === "shared")
        problems.push(
          env.source.problem(
            ["inspection"],
            `the shared-services segment is not centrally inspected itself: its traffic with a centrally inspected segment already crosses the inspection VPC both ways (docs/shared-services.md), and the one inspection VPC serves one segment. Write inspection: none (or per-vpc for its internet traffic).`,
          ),
        );
      else centralSegments.add(segment);
    }
    if (inspection === "per-vpc" && !h?.inspection) {
      problems.push(
        env.source.problem(
          ["inspection"],
          `per-vpc inspection applies the organization's firewall policy (allowedDomains, suricataRules, logRetentionDays of networkHub.hybrid.inspection), which is not set in ${src.file}. Add it, or write inspection: none.`,
        ),
      );
    }
    for (const tier of ["privateApp", "privateData"] as const) {
      const access = onPremisesAccess[tier];
      if (typeof access === "string") continue;
      access.forEach((text, i) => {
        const c = parseCidr(text);
        const path = ["onPremisesAccess", tier, i];
        if (hasHostBits(c)) problems.push(env.source.problem(path, `${text} has host bits set. Write the network address ${c.network}.`));
        else if (!onPrem.some((o) => contains(o, c))) {
          problems.push(
            env.source.problem(
              path,
              `${text} is not inside an on-prem range (${hub.onPremises.cidrs.join(", ")}). Write a block inside networkHub.onPremises.cidrs.`,
            ),
          );
        }
      });
      // The data tier's network ACL (src/routing/vpc-plan.ts): each AZ's app and data subnet, TCP returns from the
      // VPC, then the list. A network ACL holds 20 inbound rules by default
      // (https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html).
      const rules = 2 * env.value.vpc.azCount + 1 + access.length;
      if (tier === "privateData" && rules > NETWORK_ACL_RULES_PER_DIRECTION) {
        problems.push(
          env.source.problem(
            ["onPremisesAccess", tier],
            `the data tier's network ACL would need ${rules} inbound rules with this list, and a network ACL holds ${NETWORK_ACL_RULES_PER_DIRECTION} per direction. Summarize the list into fewer CIDRs.`,
          ),
        );
      }
    }
  }
  if (centralSegments.size > 1) {
    const env = environments.find((e) => e.value.inspection === "central" && e.value.segment === "nonprod")!;
    problems.push(
      env.source.problem(
        ["inspection"],
        `prod and nonprod environments both use central inspection; one inspection VPC would connect the two segments. Keep central inspection for one segment and write inspection: none here.`,
      ),
    );
  }
  if (!h) return problems;

  // ASNs: Amazon side (TGW, DX gateway) versus customer side (VIF, customer gateway).
  const dx = h.directConnect;
  // The single forms and the plural lists, each entry with its path (hybrid-links.ts checks the lists as a whole).
  const vifs = dx?.transitVirtualInterfaces
    ? dx.transitVirtualInterfaces.map((v, i) => ({ v, path: [...base, "directConnect", "transitVirtualInterfaces", i] }))
    : dx?.transitVirtualInterface
      ? [{ v: dx.transitVirtualInterface, path: [...base, "directConnect", "transitVirtualInterface"] }]
      : [];
  const vpns = h.vpns
    ? h.vpns.map((v, i) => ({ vpn: v, vbase: [...base, "vpns", i] }))
    : h.vpn
      ? [{ vpn: h.vpn, vbase: [...base, "vpn"] }]
      : [];
  const inside: { cidr: Cidr; where: string }[] = [];
  if (dx) {
    const path = [...base, "directConnect", "gateway", "amazonSideAsn"];
    const asn = dx.gateway.amazonSideAsn;
    if (!isPrivateAsn(asn))
      problems.push(src.problem(path, `ASN ${asn} is not private. Write an ASN in 64512-65534 or 4200000000-4294967294.`));
    else if (asn === tgwAsn)
      problems.push(
        src.problem(
          path,
          `ASN ${asn} is also the transit gateway's; a Direct Connect gateway needs its own Amazon-side ASN. Choose another private ASN, for example ${tgwAsn + 1}.`,
        ),
      );
    for (const { v: vif, path: vifPath } of vifs) {
      if (vif.customerAsn !== undefined && (vif.customerAsn === tgwAsn || vif.customerAsn === asn)) {
        problems.push(
          src.problem(
            [...vifPath, "customerAsn"],
            `ASN ${vif.customerAsn} is an Amazon-side ASN of this hub; BGP peers need different ASNs. Write the on-prem router's ASN.`,
          ),
        );
      }
    }
    if (asn === hub.onPremises.bgpAsn && vifs.some(({ v }) => v.customerAsn === undefined)) {
      problems.push(
        src.problem(path, `ASN ${asn} is also the on-premises router's; BGP peers need different ASNs. Choose another private ASN.`),
      );
    }
    // Allowed prefixes must cover every VPC on-prem may reach.
    const reachable = environments.filter((e) => reachableFromOnPremises(e.value.onPremisesAccess));
    if (dx.allowedPrefixes) {
      const allowed = dx.allowedPrefixes.map(parseCidr);
      for (const env of reachable) {
        const vpc = parseCidr(env.value.vpc.cidr);
        if (!allowed.some((a) => contains(a, vpc))) {
          problems.push(
            src.problem(
              [...base, "directConnect", "allowedPrefixes"],
              `no allowed prefix covers the ${env.value.name} VPC ${env.value.vpc.cidr}, which on-prem may reach; on-prem would not learn it over Direct Connect. Add ${env.value.vpc.cidr}, or remove allowedPrefixes to use the default.`,
            ),
          );
        }
      }
    } else {
      // The default is every reachable VPC CIDR as it is (see defaultAllowedPrefixes in model-hybrid.ts).
      const n = new Set(reachable.map((e) => e.value.vpc.cidr)).size;
      if (n > 200)
        problems.push(
          src.problem(
            [...base, "directConnect"],
            `${n} VPCs on-prem may reach, but AWS accepts at most 200 allowed prefixes. Write allowedPrefixes with summaries, and make the VPN advertise the same summaries (routing static routes), or on-prem would prefer the VPN's longer prefixes.`,
          ),
        );
    }
  }
  for (const { vpn, vbase } of vpns) {
    const tunnelName = (i: number) => (vbase.length === 3 ? `tunnel ${i + 1}` : `tunnel ${i + 1} of vpns[${vbase[3]}]`);
    const cgwAsn = vpn.customerGateway.bgpAsn;
    if (cgwAsn !== undefined && (cgwAsn === tgwAsn || cgwAsn === dx?.gateway.amazonSideAsn)) {
      problems.push(
        src.problem(
          [...vbase, "customerGateway", "bgpAsn"],
          `ASN ${cgwAsn} is an Amazon-side ASN of this hub; BGP peers need different ASNs. Write the on-prem VPN device's ASN.`,
        ),
      );
    }
    if (vpn.staticRoutesOnly && dx) {
      problems.push(
        src.problem(
          [...vbase, "staticRoutesOnly"],
          `a static-only VPN needs static TGW routes, and static routes beat the Direct Connect routes of the same prefix, so the backup would carry all traffic. Write staticRoutesOnly: false (BGP).`,
        ),
      );
    }
    for (const [i, t] of vpn.tunnels.entries()) {
      const path = [...vbase, "tunnels", i, "insideCidr"];
      const c = parseCidr(t.insideCidr);
      if (hasHostBits(c)) {
        problems.push(src.problem(path, `${t.insideCidr} has host bits set. Write the network address ${c.network}.`));
        continue;
      }
      if (c.prefixLength !== 30 || !contains(LINK_LOCAL, c)) {
        problems.push(
          src.problem(
            path,
            `a tunnel inside CIDR is a /30 in 169.254.0.0/16, got ${t.insideCidr}. Write a block such as 169.254.10.${i * 4}/30.`,
          ),
        );
        continue;
      }
      if ((RESERVED_VPN_INSIDE_CIDRS as readonly string[]).includes(c.network)) {
        problems.push(
          src.problem(
            path,
            `${t.insideCidr} is reserved by AWS (${RESERVED_VPN_INSIDE_CIDRS.join(", ")}). Choose another /30, such as 169.254.10.${i * 4}/30.`,
          ),
        );
        continue;
      }
      const clash = inside.find((o) => overlaps(o.cidr, c));
      if (clash) {
        problems.push(src.problem(path, `${t.insideCidr} overlaps ${clash.where}'s inside CIDR. Give each tunnel its own /30.`));
        continue;
      }
      inside.push({ cidr: c, where: tunnelName(i) });
    }
    if (vpn.phase2.lifetimeSeconds >= vpn.phase1.lifetimeSeconds) {
      problems.push(
        src.problem(
          [...vbase, "phase2", "lifetimeSeconds"],
          `phase 2 lifetime (${vpn.phase2.lifetimeSeconds} s) must be less than phase 1 lifetime (${vpn.phase1.lifetimeSeconds} s). Lower it.`,
        ),
      );
    }
  }
  if (h.inspection) {
    const path = [...base, "inspection", "vpcCidr"];
    const c = parseCidr(h.inspection.vpcCidr);
    if (hasHostBits(c))
      problems.push(src.problem(path, `${h.inspection.vpcCidr} has host bits set. Write the network address ${c.network}.`));
    else if (!isRfc1918(c) || c.prefixLength < 16 || c.prefixLength > 24) {
      problems.push(
        src.problem(
          path,
          `the inspection VPC needs an RFC 1918 block of /16 to /24 (it holds three /28 subnets per AZ), got ${h.inspection.vpcCidr}. Write a block such as 10.255.0.0/24.`,
        ),
      );
    } else {
      const clash = [
        ...environments.map((e) => ({ cidr: e.value.vpc.cidr, owner: `the ${e.value.name} VPC` })),
        ...hub.onPremises.cidrs.map((o) => ({ cidr: o, owner: `on-prem range ${o}` })),
      ].find((o) => overlaps(parseCidr(o.cidr), c));
      if (clash)
        problems.push(
          src.problem(
            path,
            `${h.inspection.vpcCidr} overlaps ${clash.owner} (${clash.cidr}). Choose a block that overlaps no VPC or on-prem range.`,
          ),
        );
    }
    // Only when every environment file passed its shape check (a broken file may be the one saying central).
    const envFiles = fileNames.filter((n) => n !== "shared.yaml").length;
    if (
      envFiles === environments.length &&
      !environments.some((e) => e.value.inspection === "central" || e.value.inspection === "per-vpc")
    ) {
      problems.push(
        src.problem(
          [...base, "inspection"],
          `no environment uses inspection: central or per-vpc, so the inspection VPC would carry no traffic. Write inspection: central (or per-vpc) in an environment file, or remove this block.`,
        ),
      );
    }
  }
  return problems;
};
