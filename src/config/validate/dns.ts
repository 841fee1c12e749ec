/**
 * Hybrid DNS (`networkHub.dns`): the endpoint environment exists and on-prem may reach its privateApp tier, the
 * on-prem DNS servers are on-prem, domains are listed once, and there is a link to on-prem at all.
 *
 * AWS rules encoded here:
 * - The Resolver endpoints sit in the endpoint environment's privateApp subnets. On-prem DNS servers send queries to
 *   the inbound endpoint and receive the outbound endpoint's, both on port 53 over TCP and UDP
 *   ("Forwarding inbound DNS queries to your VPCs", "Forwarding outbound DNS queries to your network",
 *   https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-forwarding-inbound-queries.html and
 *   https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-forwarding-outbound-queries.html). The
 *   privateApp route tables route only the on-prem CIDRs that `onPremisesAccess.privateApp` admits to the transit
 *   gateway (src/routing/vpc-plan.ts), so it must admit every on-prem DNS server.
 * - One domain cannot be forwarded both to on-prem and to the private hosted zones (the landing zone's rule for
 *   `privateZoneDomain` targets the inbound endpoint), so an on-prem domain equal to it is refused.
 * - Without Direct Connect or a VPN there is no path between the endpoints and on-prem.
 */
import { contains, parseCidr } from "../../net/cidr.js";
import type { Problem } from "../problems.js";
import type { Validator } from "./context.js";

const ipCidr = (ip: string) => parseCidr(`${ip}/32`);

/** @see Validator */
export const validateDns: Validator = (config) => {
  const { shared, environments, fileNames } = config;
  const dns = shared.value.networkHub.dns;
  if (!dns) return [];
  const problems: Problem[] = [];
  const src = shared.source;
  const base = ["networkHub", "dns"];
  const onPrem = shared.value.networkHub.onPremises.cidrs.map(parseCidr);

  dns.onPremisesResolvers.forEach((ip, i) => {
    if (!onPrem.some((c) => contains(c, ipCidr(ip))))
      problems.push(
        src.problem(
          [...base, "onPremisesResolvers", i],
          `${ip} is not inside networkHub.onPremises.cidrs (${shared.value.networkHub.onPremises.cidrs.join(", ")}), so no route leads to it. Write the address of an on-prem DNS server, or add its range to networkHub.onPremises.cidrs.`,
        ),
      );
    if (dns.onPremisesResolvers.indexOf(ip) !== i)
      problems.push(src.problem([...base, "onPremisesResolvers", i], `${ip} is listed twice. List each DNS server once.`));
  });
  dns.onPremisesDomains.forEach((d, i) => {
    if (dns.onPremisesDomains.indexOf(d) !== i)
      problems.push(src.problem([...base, "onPremisesDomains", i], `${d} is listed twice. List each domain once.`));
    if (d === dns.privateZoneDomain)
      problems.push(
        src.problem(
          [...base, "onPremisesDomains", i],
          `${d} is also privateZoneDomain: its names cannot be forwarded both to on-prem and to the private hosted zones. Forward a different on-prem domain, or choose another privateZoneDomain.`,
        ),
      );
  });

  const h = shared.value.networkHub.hybrid;
  if (!h?.directConnect && !h?.vpn)
    problems.push(
      src.problem(
        base,
        "hybrid DNS needs a path to on-prem, and networkHub.hybrid has neither Direct Connect nor a VPN. Add networkHub.hybrid.directConnect or networkHub.hybrid.vpn, or remove networkHub.dns.",
      ),
    );

  const env = environments.find((e) => e.value.name === dns.resolverEndpointsIn);
  if (!env) {
    // A file of that name that failed stage 1 is reported already.
    if (!fileNames.some((f) => f.replace(/\.ya?ml$/, "") === dns.resolverEndpointsIn)) {
      const names = environments.map((e) => e.value.name).join(", ");
      problems.push(
        src.problem(
          [...base, "resolverEndpointsIn"],
          `there is no environment ${dns.resolverEndpointsIn}${names ? ` (environments: ${names})` : ""}. Write the name of the environment whose VPC hosts the Resolver endpoints.`,
        ),
      );
    }
    return problems;
  }
  const access = env.value.onPremisesAccess.privateApp;
  const refused =
    access === "none"
      ? [...dns.onPremisesResolvers]
      : access === "all"
        ? []
        : dns.onPremisesResolvers.filter((ip) => !access.some((c) => contains(parseCidr(c), ipCidr(ip))));
  if (refused.length > 0)
    problems.push(
      env.source.problem(
        ["onPremisesAccess", "privateApp"],
        `${env.value.name} hosts the Route 53 Resolver endpoints (networkHub.dns.resolverEndpointsIn) in its privateApp subnets, but onPremisesAccess.privateApp does not admit the on-prem DNS server${refused.length > 1 ? "s" : ""} ${refused.join(", ")}: queries to and from on-prem would have no route. Write privateApp: all, or list a CIDR holding ${refused.length > 1 ? "them" : "it"}.`,
      ),
    );
  return problems;
};
