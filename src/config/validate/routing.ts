/**
 * Routing: static routes and intents refer to things that exist, no two static routes share a table and
 * destination (a TGW route table holds one route per destination; AWS rejects the second, and synthesis would
 * fail on the duplicate construct id), and no static route toward the VPN competes
 * with Direct Connect (a static TGW route beats every propagated route of the same prefix, so it would silently
 * pull traffic off Direct Connect: https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html#tgw-route-evaluation-overview).
 *
 * Whether each intent holds is checked after loading, by the routing verifier: `validateLandingZone` in
 * src/landing-zone.ts (src/routing/intents-check.ts).
 */
import { contains, parseCidr } from "../../net/cidr.js";
import { closest, type Problem } from "../problems.js";
import type { SharedFile } from "../schema/index.js";
import type { Validator } from "./context.js";

/** @see Validator */
export const validateRouting: Validator = (config) => {
  const problems: Problem[] = [];
  const { shared, environments, fileNames } = config;
  const src = shared.source;
  const hub = shared.value.networkHub;
  const dx = hub.hybrid?.directConnect;
  const vpn = hub.hybrid?.vpn ?? hub.hybrid?.vpns?.[0];
  const scenarios = linkFailureNames(hub.hybrid);
  const onPrem = hub.onPremises.cidrs.map(parseCidr);
  const envs = new Map(environments.map((e) => [e.value.name, e.value]));
  const maxAz = Math.max(0, ...environments.map((e) => e.value.vpc.azCount), hub.hybrid?.inspection?.azCount ?? 0);

  const seen = new Map<string, number>();
  shared.value.routing.staticRoutes.forEach((r, i) => {
    const dest = parseCidr(r.destinationCidr);
    const key = `${r.routeTable} ${dest.network}`;
    const first = seen.get(key);
    if (first !== undefined)
      problems.push(
        src.problem(
          ["routing", "staticRoutes", i, "destinationCidr"],
          `routing.staticRoutes[${first}] already routes ${r.destinationCidr} in the ${r.routeTable} table, and a TGW route table holds one static route per destination. Remove one of the two entries.`,
        ),
      );
    else seen.set(key, i);
    const path = ["routing", "staticRoutes", i, "target"];
    if (r.target === "vpn" && dx) {
      problems.push(
        src.problem(
          path,
          `a static route to the VPN beats the Direct Connect routes of ${r.destinationCidr} (static routes win over propagated ones), so the backup would carry the traffic. Remove it: the BGP VPN propagates its routes and takes over when Direct Connect is down.`,
        ),
      );
    } else if (r.target === "vpn" && !vpn) {
      problems.push(src.problem(path, `there is no VPN (networkHub.hybrid.vpn). Add the VPN, or write target: blackhole.`));
    }
  });

  const names = new Set<string>();
  shared.value.routing.intents.forEach((intent, i) => {
    const path = ["routing", "intents", i];
    if (names.has(intent.name))
      problems.push(src.problem([...path, "name"], `intent "${intent.name}" is declared twice. Give each intent its own name.`));
    names.add(intent.name);
    for (const end of ["from", "to"] as const) {
      const loc = intent[end];
      const at = [...path, end];
      if (loc === "internet") {
        if (end === "from" && (intent.to === "internet" || intent.to.startsWith("onprem"))) {
          problems.push(
            src.problem(
              at,
              `an intent from the internet ends in a public subnet (ingress through the internet gateway). Write to: <env>/public, or start from onprem, <env>/<tier> or an IP address.`,
            ),
          );
        }
        continue;
      }
      if (loc === "onprem") continue;
      const m = /^([a-z][a-z0-9-]*)\/(\w+)(?:\/([abc]))?$/.exec(loc);
      if (m) {
        const env = envs.get(m[1]!);
        if (!env && fileNames.includes(`${m[1]}.yaml`)) {
          // That environment's file failed its shape check and is reported already.
        } else if (!env) {
          const guess = closest(m[1]!, [...envs.keys()]);
          problems.push(
            src.problem(
              at,
              `no environment "${m[1]}". ${guess ? `Did you mean ${guess}? ` : ""}Write one of: ${[...envs.keys()].join(", ")}.`,
            ),
          );
        } else if (m[3] && "abc".indexOf(m[3]) >= env.vpc.azCount) {
          problems.push(
            src.problem(at, `${m[1]} uses ${env.vpc.azCount} AZs (a-${"abc"[env.vpc.azCount - 1]}). Write an AZ letter it uses.`),
          );
        }
        continue;
      }
      const ip = parseCidr(`${loc.replace(/^onprem:/, "")}/32`);
      const inOnPrem = onPrem.some((o) => contains(o, ip));
      const inVpc = environments.some((e) => contains(parseCidr(e.value.vpc.cidr), ip));
      if (loc.startsWith("onprem:") && !inOnPrem)
        problems.push(
          src.problem(
            at,
            `${loc.slice(7)} is not inside an on-prem range (${hub.onPremises.cidrs.join(", ")}). Write an address inside networkHub.onPremises.cidrs.`,
          ),
        );
      if (!loc.startsWith("onprem:") && !inOnPrem && !inVpc)
        problems.push(
          src.problem(at, `${loc} is in no VPC and no on-prem range. Write an address inside an environment's VPC, or onprem:<ip>.`),
        );
    }
    if (intent.through !== undefined) {
      const at = [...path, "through"];
      const relay = envs.get(intent.through);
      if (!relay && !fileNames.includes(`${intent.through}.yaml`)) {
        const guess = closest(intent.through, [...envs.keys()]);
        problems.push(
          src.problem(
            at,
            `no environment "${intent.through}". ${guess ? `Did you mean ${guess}? ` : ""}Write one of: ${[...envs.keys()].join(", ")}.`,
          ),
        );
      }
      const notDenied = [intent.expect, ...Object.values(intent.failures)].some((e) => e !== "denied");
      if (notDenied)
        problems.push(
          src.problem(
            at,
            `through: proves that ${intent.through}'s VPC does not pass the packet on, so the intent must expect denied in every scenario. Write expect: denied (and no other failures entry), or remove through.`,
          ),
        );
    }
    for (const failure of Object.keys(intent.failures)) {
      const at = [...path, "failures", failure];
      if (failure === "directconnect-down" && !dx)
        problems.push(src.problem(at, `there is no Direct Connect (networkHub.hybrid.directConnect). Remove this failure.`, { key: true }));
      else if (failure.startsWith("vpn-") && !vpn)
        problems.push(src.problem(at, `there is no VPN (networkHub.hybrid.vpn). Remove this failure.`, { key: true }));
      else if (!failure.startsWith("az-") && failure !== "directconnect-down" && !scenarios.includes(failure))
        problems.push(
          src.problem(
            at,
            `no link of networkHub.hybrid has this failure scenario. Write one of ${scenarios.join(", ")}${closest(failure, scenarios) ? ` (did you mean ${closest(failure, scenarios)}?)` : ""}.`,
            { key: true },
          ),
        );
      const az = /^az-([abc])-down$/.exec(failure)?.[1];
      if (az && "abc".indexOf(az) >= maxAz)
        problems.push(src.problem(at, `no VPC uses a ${"abc".indexOf(az) + 1}th AZ. Remove this failure.`, { key: true }));
    }
  });
  return problems;
};

/**
 * The failure scenarios the links of `hybrid` have, named as the routing verifier names them
 * (src/routing/trace.ts, `applicableFailures`): `directconnect-down`; per named transit VIF
 * `directconnect-<name>-down`; per location `dx-location-<code>-down`; for the single vpn `vpn-tunnel-<n>-down`;
 * per named VPN `vpn-<name>-down` and `vpn-<name>-tunnel-<n>-down`.
 */
export function linkFailureNames(hybrid: SharedFile["networkHub"]["hybrid"]): string[] {
  const dx = hybrid?.directConnect;
  const vifs = dx?.transitVirtualInterfaces ?? [];
  return [
    ...(dx ? ["directconnect-down"] : []),
    ...vifs.map((v) => `directconnect-${v.name}-down`),
    ...[...new Set(vifs.map((v) => v.location))].map((l) => `dx-location-${l}-down`),
    ...(hybrid?.vpns
      ? hybrid.vpns.flatMap((v) => [`vpn-${v.name}-down`, `vpn-${v.name}-tunnel-1-down`, `vpn-${v.name}-tunnel-2-down`])
      : hybrid?.vpn
        ? ["vpn-tunnel-1-down", "vpn-tunnel-2-down"]
        : []),
  ];
}
