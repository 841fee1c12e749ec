/**
 * On-prem reachability is exact: a packet from on-prem reaches only the tiers the environment's
 * `onPremisesAccess` admits, even one way (a UDP packet needs no return path). The packet walk (./trace.ts) sends
 * one packet from a host in every on-prem CIDR (and in every CIDR an `onPremisesAccess` list names) to a host in
 * every subnet of every AZ of every workload VPC, in the normal state and with Direct Connect or a VPN tunnel down, and
 * requires it dropped unless the tier admits that source: public, transit and firewall never; privateApp not with
 * `none`; privateData only the sources its `onPremisesAccess` admits.
 *
 * Known limit: a privateApp list is exact per tier, not per source. The tier routes only the listed CIDRs back to
 * the transit gateway, so a TCP connection from another on-prem host fails, but a one-way packet from it arrives:
 * TGW routes select by destination only, and an app-tier network ACL admitting the internet's return traffic
 * would have to allow 0.0.0.0/0 on ports the policy pack's LZ-NET1 (CIS 5.1) forbids. The check admits every
 * on-prem source to a privateApp tier with a list. The routing plan closes the rest with the onprem TGW table's blackhole
 * routes (`onPremisesClosedSubnets` in ./plan.ts) and the tiers' network ACLs (./vpc-plan.ts); this check proves
 * they do. Runs after `loadConfig`, from `validateLandingZone` (src/landing-zone.ts).
 */
import type { LandingZoneModel, Problem, SourceFile } from "../config/index.js";
import { parseCidr } from "../net/cidr.js";
import { planRouting, routingInput, tierOnPremisesCidrs, type PlanTier, type RoutingInput, type RoutingPlan } from "./plan.js";
import { azLabel } from "./locations.js";
import { applicableFailures, Network, type Failure } from "./trace.js";

/** A packet from on-prem that reached a tier which does not admit it. */
export interface OnPremisesLeak {
  readonly environment: string;
  readonly tier: PlanTier;
  /** AZ index of the subnet reached. */
  readonly az: number;
  /** The on-prem source address. */
  readonly source: string;
  readonly scenario: "normal" | Failure;
  /** The hops of the packet, as text. */
  readonly path: string;
}

/** A host address inside `cidr` (the first after the four AWS reserves in a subnet; the first host on-prem). */
function hostIn(cidr: string): string {
  const c = parseCidr(cidr);
  const n = c.first + (c.last - c.first > 8n ? 4n : 0n);
  return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join(".");
}

const within = (ip: string, cidrs: readonly string[]) => {
  const n = parseCidr(`${ip}/32`).first;
  return cidrs.some((c) => {
    const p = parseCidr(c);
    return p.first <= n && n <= p.last;
  });
};

/**
 * Every packet from on-prem that reaches a tier of a workload VPC which does not admit its source, in `plan`
 * (built from `input`). Empty when on-prem reachability is exact.
 */
export function onPremisesLeaks(input: RoutingInput, plan: RoutingPlan = planRouting(input)): OnPremisesLeak[] {
  const listed = input.environments.flatMap((e) =>
    [e.onPremisesAccess.privateApp, e.onPremisesAccess.privateData].flatMap((a) => (typeof a === "string" ? [] : a)),
  );
  const sources = [...new Set([...input.onPremisesCidrs, ...listed].map(hostIn))];
  const leaks: OnPremisesLeak[] = [];
  // AZ failures only take paths away (blackhole routes are static, network ACLs hold in every AZ); the failures of
  // the on-prem links move traffic from Direct Connect to the VPN, into the same onprem table, and are checked.
  const scenarios = ["normal" as const, ...applicableFailures(plan).filter((f) => !f.startsWith("az-"))];
  for (const scenario of scenarios) {
    const network = new Network(plan, scenario === "normal" ? [] : [scenario]);
    for (const env of input.environments) {
      const vpc = plan.vpcs.find((v) => v.name === env.name);
      if (!vpc) continue;
      for (const [tier, cidrs] of Object.entries(vpc.subnets) as [PlanTier, readonly string[]][]) {
        const access = tier === "privateApp" || tier === "privateData" ? env.onPremisesAccess[tier] : "none";
        // A privateApp list admits every on-prem source one way (see the file comment).
        const admitted = tierOnPremisesCidrs(tier === "privateApp" && typeof access !== "string" ? "all" : access, input.onPremisesCidrs);
        cidrs.slice(0, vpc.azCount).forEach((cidr, az) => {
          if (network.azDown(az)) return;
          for (const source of sources) {
            if (within(source, admitted)) continue;
            const trace = network.trace({ kind: "onprem", ip: source }, hostIn(cidr));
            if (!trace.reached) continue;
            const path = trace.hops.map((h) => `${h.at}: ${h.table} ${h.matched} → ${h.next}`).join("; ");
            leaks.push({ environment: env.name, tier, az, source, scenario, path });
          }
        });
      }
    }
  }
  return leaks;
}

/**
 * One problem per environment whose VPC on-prem reaches beyond its `onPremisesAccess` (its first leak, counting
 * the others), located at the environment file's `onPremisesAccess` (or its `name` when the file leaves it to the
 * default). Never fires for a plan this project builds (the plan closes every such path); it guards the plan.
 */
export function onPremisesReachProblems(model: LandingZoneModel, environmentFiles: readonly SourceFile[]): Problem[] {
  const input = routingInput(model);
  const plan = planRouting(input);
  const leaks = onPremisesLeaks(input, plan);
  return model.environments.flatMap((env, i) => {
    const own = leaks.filter((l) => l.environment === env.name);
    const first = own[0];
    if (!first) return [];
    const file = environmentFiles.find((f) => f.file.endsWith(`${env.name}.yaml`)) ?? environmentFiles[i];
    if (!file) return [];
    const data = file.data as Record<string, unknown> | undefined;
    const path = data && "onPremisesAccess" in data ? ["onPremisesAccess"] : ["name"];
    return [
      file.problem(
        path,
        `on-prem ${first.source} reaches ${env.name}/${first.tier} in ${azLabel(plan, first.az)} (${first.scenario}${own.length > 1 ? `; ${own.length - 1} more such packets` : ""}), which onPremisesAccess does not admit: ${first.path}. This is a routing-plan bug: report it with this message.`,
      ),
    ];
  });
}
