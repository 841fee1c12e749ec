/**
 * BGP ASNs: each is in a private range, and ASNs that AWS requires to differ do.
 *
 * Private ranges (RFC 6996) are the ones AWS accepts for an Amazon-side ASN: 64512-65534 and
 * 4200000000-4294967294 (https://docs.aws.amazon.com/vpc/latest/tgw/tgw-transit-gateways.html,
 * "Amazon side Autonomous System Number"). A customer gateway's ASN must differ from the transit
 * gateway's, or BGP sees its own ASN in the path and drops the routes.
 */
import type { Problem } from "../problems.js";
import type { SourceFile } from "../source.js";
import type { Validator } from "./context.js";

/** True when `asn` is in a private 16-bit or 32-bit range. */
export function isPrivateAsn(asn: number): boolean {
  return (asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294);
}

/** One ASN in the config, who it belongs to, and where it was written. */
interface AsnClaim {
  readonly asn: number;
  readonly owner: string;
  readonly source: SourceFile;
  readonly path: readonly PropertyKey[];
}

/** @see Validator */
export const validateAsns: Validator = (config) => {
  const problems: Problem[] = [];
  const { shared } = config;
  const hub = shared.value.networkHub;
  const claims: AsnClaim[] = [
    {
      asn: hub.transitGateway.amazonSideAsn,
      owner: "the transit gateway",
      source: shared.source,
      path: ["networkHub", "transitGateway", "amazonSideAsn"],
    },
    { asn: hub.onPremises.bgpAsn, owner: "the on-premises router", source: shared.source, path: ["networkHub", "onPremises", "bgpAsn"] },
  ];
  const seen = new Map<number, AsnClaim>();
  for (const claim of claims) {
    if (!isPrivateAsn(claim.asn)) {
      problems.push(
        claim.source.problem(claim.path, `ASN ${claim.asn} is not private. Write an ASN in 64512-65534 or 4200000000-4294967294.`),
      );
    }
    const first = seen.get(claim.asn);
    if (first) {
      problems.push(
        claim.source.problem(
          claim.path,
          `ASN ${claim.asn} of ${claim.owner} is also the ASN of ${first.owner}; BGP peers need different ASNs. Choose another private ASN.`,
        ),
      );
    } else seen.set(claim.asn, claim);
  }
  return problems;
};
