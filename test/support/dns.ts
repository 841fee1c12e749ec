/**
 * The reference config with hybrid DNS (`networkHub.dns`) switched on, for the DNS tests: the Resolver endpoints in
 * prod's VPC (central inspection, privateApp open to on-prem), two on-prem domains, one on-prem DNS server in each
 * data-center range, and DNS Firewall.
 */
import { type ConfigEdits, referenceWith, replace } from "./config-dir.js";

/** The `networkHub.dns` block {@link dnsConfigDir} adds (indented for `networkHub:`). */
export const DNS_BLOCK = `  dns:
    resolverEndpointsIn: prod
    onPremisesDomains: [corp.acme.example, ad.acme.example]
    onPremisesResolvers: [172.16.0.53, 192.168.100.53]
    privateZoneDomain: aws.acme.example
    dnsFirewall:
      blockedDomains: [malware.example, "*.phishing.example"]
`;

/** Adds `block` (default {@link DNS_BLOCK}) to shared.yaml's networkHub, right before its `hybrid:` key. */
export function withDns(block: string = DNS_BLOCK): (old: string) => string {
  return replace("  # Hybrid connectivity:", `${block}  # Hybrid connectivity:`);
}

/** A copy of the reference config with hybrid DNS, plus `edits` (applied after the DNS block). */
export function dnsConfigDir(edits: ConfigEdits = {}, block: string = DNS_BLOCK): string {
  const shared = edits["shared.yaml"];
  return referenceWith({
    ...edits,
    "shared.yaml": (old: string) => {
      const withBlock = withDns(block)(old);
      return typeof shared === "function" ? shared(withBlock) : typeof shared === "string" ? shared : withBlock;
    },
  });
}
