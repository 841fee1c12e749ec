/**
 * Intent locations (`onprem`, `onprem:<ip>`, `internet`, `<env>/<tier>[/<az>]`, an IP inside a VPC) resolved to
 * the endpoints the packet walk (./trace.ts) starts from or goes to, and the address helpers both share. A tier
 * without an AZ resolves to one endpoint per AZ that is up, so the verifier walks every AZ's subnet: a route
 * that breaks only one AZ (a blackhole over one subnet, a missing ENI) is found.
 */
import { type Cidr, parseCidr } from "../net/cidr.js";
import type { PlanTier, RoutingPlan } from "./plan.js";
import type { Endpoint, Failure, Network } from "./trace.js";

/** AZ letters of the verifier: AZ index 0, 1, 2 of a VPC. */
export const AZ_LETTERS = ["a", "b", "c"] as const;
/** `az-a`, `az-b`, `az-c` for AZ index 0, 1, 2. */
export const azName = (az: number) => `az-${AZ_LETTERS[az] ?? az}`;
/** An AZ index as its AZ ID in `plan` (`euw1-az1`), or {@link azName} when the plan names no AZ IDs. */
export const azLabel = (plan: RoutingPlan, az: number) => plan.availabilityZoneIds?.[az] ?? azName(az);
/**
 * A scenario as `lz routes` names it: an AZ failure by the AZ ID that goes down in every account
 * (`az-a-down (euw1-az1)`); other scenarios as they are.
 */
export function scenarioLabel(plan: RoutingPlan, scenario: "normal" | Failure): string {
  const m = /^az-([abc])-down$/.exec(scenario);
  const id = m ? plan.availabilityZoneIds?.[AZ_LETTERS.indexOf(m[1] as "a")] : undefined;
  return id ? `${scenario} (${id})` : scenario;
}
/** A representative public address for the `internet` location (TEST-NET-2, RFC 5737). */
export const INTERNET_ADDRESS = "198.51.100.10";

/** Parsed CIDRs by text: the walk asks about the same few hundred CIDRs many thousand times. */
const parsed = new Map<string, Cidr>();
/** `parseCidr`, memoized (the result is immutable). */
export function cidrOf(text: string): Cidr {
  let c = parsed.get(text);
  if (!c) {
    c = parseCidr(text);
    parsed.set(text, c);
  }
  return c;
}
/** The address `ip` (dotted quad) as an integer. */
export const ipOf = (ip: string): bigint => cidrOf(`${ip}/32`).first;
/** True when address `ip` lies in `cidr`. */
export function inCidr(cidr: string, ip: bigint): boolean {
  const c = cidrOf(cidr);
  return c.first <= ip && ip <= c.last;
}

/** A host address inside a subnet: the first after the four AWS reserves at its start. */
export function hostIn(cidr: string): string {
  const c = cidrOf(cidr);
  const n = c.first + (c.last - c.first > 8n ? 4n : 0n);
  return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join(".");
}

/** A short label of an endpoint for reports: `onprem 172.16.10.10`, `internet`, `prod/privateApp/az-b`. */
export function describeEndpoint(e: Endpoint): string {
  if (e.kind === "subnet") return `${e.vpc}/${e.tier}/${azName(e.az)}`;
  if (e.kind === "internet") return "internet";
  return `onprem ${e.ip}`;
}

/**
 * Resolves an intent location under `net`'s failures. `<env>/<tier>` without an AZ: with `everyAz`, one endpoint
 * per AZ of the VPC that is up (AZ order), else the first AZ that is up. Returns a string when the location does
 * not exist or is not applicable under the failures (its AZ, or every AZ, is down).
 */
export function resolveLocation(net: Network, location: string, everyAz: boolean): Endpoint[] | string {
  const plan = net.plan;
  if (location === "internet") return [{ kind: "internet", ip: INTERNET_ADDRESS }];
  if (location === "onprem") {
    const first = plan.onPremisesCidrs[0];
    return first ? [{ kind: "onprem", ip: hostIn(first) }] : "no on-prem CIDRs";
  }
  if (location.startsWith("onprem:")) return [{ kind: "onprem", ip: location.slice("onprem:".length) }];
  const m = /^([a-z][a-z0-9-]*)\/(public|privateApp|privateData)(?:\/([abc]))?$/.exec(location);
  if (m) {
    const vpc = plan.vpcs.find((v) => v.name === m[1]);
    if (!vpc) return `no environment ${m[1]}`;
    const tier = m[2] as PlanTier;
    const subnets = vpc.subnets[tier]?.slice(0, vpc.azCount) ?? [];
    const endpoint = (az: number): Endpoint => ({ kind: "subnet", vpc: vpc.name, tier, az, ip: hostIn(subnets[az]!) });
    if (m[3]) {
      const az = AZ_LETTERS.indexOf(m[3] as "a");
      if (az >= subnets.length) return `${location}: no such AZ`;
      if (net.azDown(az)) return `${location} is in ${azName(az)}, which is down`;
      return [endpoint(az)];
    }
    const up = subnets.map((_, az) => az).filter((az) => !net.azDown(az));
    if (up.length === 0) return `${location}: every AZ is down`;
    return (everyAz ? up : up.slice(0, 1)).map(endpoint);
  }
  const at = net.subnetOf(location);
  if (at)
    return net.azDown(at.az)
      ? `${location} is in ${azName(at.az)}, which is down`
      : [{ kind: "subnet", vpc: at.vpc.name, tier: at.tier, az: at.az, ip: location }];
  if (plan.onPremisesCidrs.some((c) => inCidr(c, ipOf(location)))) return [{ kind: "onprem", ip: location }];
  return `${location} is in no VPC subnet and no on-prem range`;
}
