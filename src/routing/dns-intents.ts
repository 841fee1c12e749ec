/**
 * The routing intents hybrid DNS needs, derived from `networkHub.dns` so that nobody has to remember to write them:
 * for every on-prem DNS server, its queries reach the inbound Resolver endpoint and the outbound endpoint's queries
 * reach it, over Direct Connect normally and over the VPN when Direct Connect is down (through the inspection VPC
 * when the endpoint environment is centrally inspected). The endpoints have one address in each AZ's privateApp
 * subnet of the endpoint environment (src/config/model-dns.ts), so `<env>/privateApp` walks a path to and from every
 * one of them. DNS uses port 53 over UDP and TCP; the verifier judges a packet whatever its protocol and port, and the
 * privateApp tier has no network ACL of its own (src/routing/vpc-plan.ts), so the route decides.
 *
 * They are proven with the config's own intents by `lz routes`, `lz validate` and before every synth
 * (./intents-check.ts), and a violation is reported at the on-prem DNS server in shared.yaml.
 */
import type { LandingZoneModel } from "../config/index.js";
import type { Expectation, Intent, Waypoint } from "./verify.js";

/** Name prefix of the derived DNS intents: `dns-query-in-<ip>`, `dns-query-out-<ip>`. */
export const DNS_INTENT_PREFIX = "dns-query-";

/** A derived DNS intent and the index of the on-prem DNS server (`networkHub.dns.onPremisesResolvers[i]`) it is about. */
export interface DnsIntent extends Intent {
  readonly resolverIndex: number;
}

/** The DNS intents of `model` (see the file comment); empty without `networkHub.dns`. */
export function dnsIntents(model: LandingZoneModel): DnsIntent[] {
  const dns = model.dns;
  if (!dns) return [];
  const env = model.environments.find((e) => e.name === dns.endpointEnvironment);
  const hybrid = model.networkHub.hybrid;
  if (!env || !hybrid) return [];
  const inspected: Waypoint[] = env.inspection === "central" && hybrid.inspection ? ["inspection"] : [];
  const via = (link: Waypoint): Expectation => ({ via: [link, ...inspected] });
  const expect: Expectation = hybrid.directConnect ? via("directconnect") : via("vpn");
  const failures: Record<string, Expectation> = hybrid.directConnect && hybrid.vpns?.length ? { "directconnect-down": via("vpn") } : {};
  const endpoints = `${env.name}/privateApp`;
  return dns.onPremisesResolvers.flatMap((ip, resolverIndex) => {
    const id = ip.replace(/\./g, "-");
    return [
      { name: `${DNS_INTENT_PREFIX}in-${id}`, from: `onprem:${ip}`, to: endpoints, expect, failures, resolverIndex },
      { name: `${DNS_INTENT_PREFIX}out-${id}`, from: endpoints, to: `onprem:${ip}`, expect, failures, resolverIndex },
    ];
  });
}
