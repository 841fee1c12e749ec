/**
 * Routing conformance: the routing plan (src/routing/plan.ts) against what the synthesized Terraform JSON of every
 * stack builds. Both sides are reduced to one set of lines in plan terms (VPC names, tiers, AZ indexes, TGW table
 * names, attachment ids) and compared both ways: a line the plan has and the JSON lacks is missing, a line the JSON
 * has and the plan lacks is extra.
 *
 * The JSON side resolves Terraform references (`${aws_x.name.attr}`) across the resources of one stack:
 * - VPC route tables: `aws_route_table` placed by its `aws_route_table_association` (a subnet, placed by its CIDR
 *   in the plan's subnets of the VPC with that CIDR; or the internet gateway: the IGW edge table); routes
 *   (`aws_route` and inline `route` blocks) by target: internet gateway, NAT gateway (its subnet's AZ), transit
 *   gateway, firewall endpoint (the AZ of the subnet or availability-zone index its lookup names);
 * - network ACLs: `aws_network_acl` inline rules and `aws_network_acl_rule`, placed by the subnets they cover;
 * - gateway endpoints: each `aws_vpc_endpoint` of type Gateway, one line per route table in its `route_table_ids`
 *   (AWS adds the service's prefix-list route to those, so they are routes the plan must make too);
 * - TGW: route tables by their `Segment` tag (the hub) or their Name tag (workload stacks' data sources, mapped
 *   through the hub's tags); attachments: the DX gateway attachment, the VPN connection, a VPC attachment (or its
 *   accepter) by its VPC's CIDR; a VPC attachment's AZs (its subnets, which must be the transit tier's) and its
 *   appliance mode; static routes (`aws_ec2_transit_gateway_route`), associations and propagations.
 */
import type { RoutingPlan, VpcPlan, VpcRoute } from "../../src/routing/plan.js";
import type { StackJson } from "./synth.js";

/** What {@link compareRouting} found: lines of the plan the JSON lacks, lines of the JSON the plan lacks. */
export interface RoutingDrift {
  readonly missing: readonly string[];
  readonly extra: readonly string[];
}

type Body = Record<string, unknown>;
const REF = /(?<![\w.-])(data\.)?(aws_[a-z0-9_]+)\.([\w-]+)(?:\.([a-z0-9_]+))?/g;

/** Every `(data?, type, name, attr)` reference in a value. */
function refsIn(value: unknown): { data: boolean; type: string; name: string; attr?: string }[] {
  const text = typeof value === "string" ? value : JSON.stringify(value ?? "");
  return [...text.matchAll(REF)].map((m) => ({ data: m[1] !== undefined, type: m[2]!, name: m[3]!, ...(m[4] ? { attr: m[4] } : {}) }));
}

function describeVpcTarget(t: VpcRoute["target"]): string {
  return "az" in t ? `${t.kind} az${t.az}` : t.kind;
}

/** The plan as lines (see the file comment). */
export function plannedRoutingLines(plan: RoutingPlan): string[] {
  const lines: string[] = [];
  for (const vpc of plan.vpcs) {
    for (const [tier, tables] of Object.entries(vpc.routeTables)) {
      tables.slice(0, vpc.azCount).forEach((routes, az) => {
        const at = `${vpc.name}/${tier}/az${az}`;
        lines.push(`route-table ${at}`);
        for (const r of routes) if (r.target.kind !== "local") lines.push(`route ${at} ${r.destination} -> ${describeVpcTarget(r.target)}`);
      });
    }
    if (vpc.gatewayRoutes) {
      lines.push(`route-table ${vpc.name}/igw-edge`);
      for (const r of vpc.gatewayRoutes) lines.push(`route ${vpc.name}/igw-edge ${r.destination} -> ${describeVpcTarget(r.target)}`);
    }
    for (const e of vpc.gatewayEndpoints ?? [])
      for (const t of e.routeTables) lines.push(`gateway-endpoint ${vpc.name}/${t.tier}/az${t.az} ${e.service}`);
    for (const [tier, acl] of Object.entries(vpc.networkAcls)) {
      const azs = Array.from({ length: vpc.azCount }, (_, i) => `az${i}`).join(",");
      lines.push(`network-acl ${vpc.name}/${tier} on ${azs}`);
      for (const [direction, rules] of [
        ["ingress", acl.ingress],
        ["egress", acl.egress],
      ] as const)
        for (const r of rules)
          lines.push(
            `network-acl-rule ${vpc.name}/${tier} ${direction} ${r.ruleNo} ${r.action} ${r.protocol} ${r.cidr} ${r.fromPort}-${r.toPort}`,
          );
    }
  }
  for (const a of plan.attachments)
    if (a.id.startsWith("vpc:"))
      lines.push(`tgw-attachment ${a.id} in ${a.azs.map((az) => `az${az}`).join(",")} appliance-mode ${a.applianceMode ? "on" : "off"}`);
  for (const t of plan.tables) {
    lines.push(`tgw-route-table ${t.name}`);
    for (const a of t.associations) lines.push(`tgw-association ${t.name} ${a}`);
    for (const a of t.propagations) lines.push(`tgw-propagation ${t.name} ${a}`);
    for (const r of t.staticRoutes) lines.push(`tgw-route ${t.name} ${r.destination} -> ${r.target}`);
  }
  return lines.sort();
}

/** The routing the synthesized `stacks` build, as lines in plan terms (see the file comment). */
export function synthesizedRoutingLines(plan: RoutingPlan, stacks: Readonly<Record<string, StackJson>>): string[] {
  const lines: string[] = [];
  // TGW route table names: hub tables carry Segment (= plan table name) and Name tags.
  const segmentOfName = new Map<string, string>();
  for (const json of Object.values(stacks))
    for (const body of Object.values(json.resource?.aws_ec2_transit_gateway_route_table ?? {})) {
      const tags = (body.tags ?? {}) as Record<string, string>;
      if (tags.Name && tags.Segment) segmentOfName.set(tags.Name, tags.Segment);
    }
  for (const [stackName, json] of Object.entries(stacks)) {
    const resource = (type: string, name: string): Body => {
      const body = json.resource?.[type]?.[name];
      if (!body) throw new Error(`${stackName}: ${type}.${name} is referenced but not defined`);
      return body;
    };
    const all = (type: string) => Object.entries(json.resource?.[type] ?? {});
    const vpcOf = (vpcId: unknown): VpcPlan | undefined => {
      const ref = refsIn(vpcId).find((r) => r.type === "aws_vpc");
      const cidr = ref ? resource("aws_vpc", ref.name).cidr_block : undefined;
      return plan.vpcs.find((v) => v.cidr === cidr);
    };
    // Subnets placed in the plan: name → "vpc/tier/azN".
    const subnetAt = new Map<string, { vpc: string; tier: string; az: number }>();
    for (const [name, body] of all("aws_subnet")) {
      const vpc = vpcOf(body.vpc_id);
      const placed = vpc
        ? Object.entries(vpc.subnets).flatMap(([tier, cidrs]) =>
            (cidrs ?? []).slice(0, vpc.azCount).flatMap((c, az) => (c === body.cidr_block ? [{ vpc: vpc.name, tier, az }] : [])),
          )
        : [];
      if (placed[0]) subnetAt.set(name, placed[0]);
      else lines.push(`subnet-outside-plan ${stackName}/${name} ${String(body.cidr_block)}`);
    }
    const subnetRef = (value: unknown) => {
      const ref = refsIn(value).find((r) => r.type === "aws_subnet");
      return ref ? subnetAt.get(ref.name) : undefined;
    };
    // Route tables: name → positions it serves.
    const tableAt = new Map<string, string[]>();
    for (const [, body] of all("aws_route_table_association")) {
      const table = refsIn(body.route_table_id).find((r) => r.type === "aws_route_table");
      if (!table) continue;
      const sub = subnetRef(body.subnet_id);
      const igw = refsIn(body.gateway_id).find((r) => r.type === "aws_internet_gateway");
      const vpc = vpcOf(resource("aws_route_table", table.name).vpc_id);
      const at = sub ? `${sub.vpc}/${sub.tier}/az${sub.az}` : igw && vpc ? `${vpc.name}/igw-edge` : `unplaced-association`;
      tableAt.set(table.name, [...(tableAt.get(table.name) ?? []), at]);
    }
    for (const [name] of all("aws_route_table")) {
      const at = tableAt.get(name) ?? [];
      if (at.length === 0) lines.push(`route-table-without-association ${stackName}/${name}`);
      if (at.length > 1) lines.push(`route-table-shared ${stackName}/${name} ${at.join(",")}`);
      for (const a of at) lines.push(`route-table ${a}`);
    }
    const targetOf = (r: Body): string => {
      if (r.transit_gateway_id) return "transit-gateway";
      if (refsIn(r.gateway_id).some((x) => x.type === "aws_internet_gateway")) return "internet-gateway";
      const nat = refsIn(r.nat_gateway_id).find((x) => x.type === "aws_nat_gateway");
      if (nat) {
        const sub = subnetRef(resource("aws_nat_gateway", nat.name).subnet_id);
        return sub?.tier === "public" ? `nat-gateway az${sub.az}` : "nat-gateway outside a public subnet";
      }
      if (r.vpc_endpoint_id) {
        const text = String(r.vpc_endpoint_id);
        const sub = subnetRef(text);
        if (sub) return sub.tier === "firewall" ? `firewall-endpoint az${sub.az}` : `endpoint in the ${sub.tier} tier`;
        const element = /element\([^,]+,\s*(\d+)\)/.exec(text);
        return element ? `firewall-endpoint az${element[1]}` : `endpoint ${text}`;
      }
      return `unknown target ${JSON.stringify(r)}`;
    };
    const routesOf = (table: string, routes: Body[]) => {
      for (const at of tableAt.get(table) ?? [`unassociated ${stackName}/${table}`])
        for (const r of routes) lines.push(`route ${at} ${String(r.destination_cidr_block)} -> ${targetOf(r)}`);
    };
    for (const [, body] of all("aws_route")) {
      const table = refsIn(body.route_table_id).find((r) => r.type === "aws_route_table");
      routesOf(table?.name ?? "?", [body]);
    }
    for (const [name, body] of all("aws_route_table")) routesOf(name, (body.route as Body[] | undefined) ?? []);
    // Gateway endpoints: the route tables they add their prefix-list route to.
    for (const [name, body] of all("aws_vpc_endpoint")) {
      if (body.vpc_endpoint_type !== "Gateway") continue;
      const service = String(body.service_name).split(".").pop();
      const vpc = vpcOf(body.vpc_id);
      for (const ref of refsIn(body.route_table_ids).filter((r) => r.type === "aws_route_table"))
        for (const at of tableAt.get(ref.name) ?? [`unassociated ${stackName}/${ref.name}`])
          lines.push(
            vpc && at.startsWith(`${vpc.name}/`)
              ? `gateway-endpoint ${at} ${service}`
              : `gateway-endpoint-of-another-vpc ${stackName}/${name} ${at}`,
          );
    }
    // Network ACLs.
    const aclAt = new Map<string, string>();
    for (const [name, body] of all("aws_network_acl")) {
      const subs = ((body.subnet_ids as unknown[] | undefined) ?? []).map(subnetRef);
      const tiers = [...new Set(subs.map((s) => (s ? `${s.vpc}/${s.tier}` : "?")))];
      const at = tiers.length === 1 ? tiers[0]! : `acl-across-tiers ${tiers.join(",")}`;
      aclAt.set(name, at);
      const azs = subs
        .map((s) => s?.az ?? -1)
        .sort((a, b) => a - b)
        .map((a) => `az${a}`)
        .join(",");
      lines.push(`network-acl ${at} on ${azs}`);
      for (const direction of ["ingress", "egress"] as const)
        for (const r of (body[direction] as Body[] | undefined) ?? [])
          lines.push(
            `network-acl-rule ${at} ${direction} ${String(r.rule_no)} ${String(r.action)} ${String(r.protocol)} ${String(r.cidr_block)} ${String(r.from_port)}-${String(r.to_port)}`,
          );
    }
    for (const [, r] of all("aws_network_acl_rule")) {
      const acl = refsIn(r.network_acl_id).find((x) => x.type === "aws_network_acl");
      lines.push(
        `network-acl-rule ${aclAt.get(acl?.name ?? "") ?? "?"} ${r.egress ? "egress" : "ingress"} ${String(r.rule_number)} ${String(r.rule_action)} ${String(r.protocol)} ${String(r.cidr_block)} ${String(r.from_port ?? 0)}-${String(r.to_port ?? 0)}`,
      );
    }
    // Transit gateway.
    const tgwTable = (value: unknown): string => {
      const ref = refsIn(value).find((r) => r.type === "aws_ec2_transit_gateway_route_table");
      if (!ref) return "?";
      if (ref.data) {
        const filter = (json.data?.aws_ec2_transit_gateway_route_table?.[ref.name]?.filter ?? []) as { name: string; values: string[] }[];
        const name = filter.find((f) => f.name === "tag:Name")?.values[0] ?? "?";
        return segmentOfName.get(name) ?? `unknown table ${name}`;
      }
      return ((resource("aws_ec2_transit_gateway_route_table", ref.name).tags ?? {}) as Record<string, string>).Segment ?? "?";
    };
    const attachment = (value: unknown): string => {
      for (const ref of refsIn(value)) {
        if (ref.type === "aws_ec2_transit_gateway_dx_gateway_attachment") return "directconnect";
        if (ref.type === "aws_vpn_connection") {
          // The construct id: `vpn` for the first VPN connection, `vpn-<link>` for attachment `vpn:<link>`.
          const id = ref.name.slice(0, ref.name.indexOf("_connection"));
          return id === "vpn" ? "vpn" : `vpn:${id.slice("vpn-".length)}`;
        }
        if (ref.type === "aws_ec2_transit_gateway_vpc_attachment_accepter")
          return attachment(resource(ref.type, ref.name).transit_gateway_attachment_id);
        if (ref.type === "aws_ec2_transit_gateway_vpc_attachment") {
          const vpc = vpcOf(resource(ref.type, ref.name).vpc_id);
          return vpc ? `vpc:${vpc.name}` : "vpc outside the plan";
        }
      }
      return `unknown attachment ${JSON.stringify(value)}`;
    };
    for (const [, body] of all("aws_ec2_transit_gateway_vpc_attachment")) {
      const vpc = vpcOf(body.vpc_id);
      const azs = ((body.subnet_ids as unknown[] | undefined) ?? [])
        .map((id) => {
          const sub = subnetRef(id);
          return sub && (sub.tier === "transit" || sub.tier === "transitGateway") ? `az${sub.az}` : "a subnet outside the transit tier";
        })
        .sort()
        .join(",");
      lines.push(
        `tgw-attachment vpc:${vpc?.name ?? "outside the plan"} in ${azs} appliance-mode ${body.appliance_mode_support === "enable" ? "on" : "off"}`,
      );
    }
    for (const [, body] of all("aws_ec2_transit_gateway_route_table")) {
      const segment = ((body.tags ?? {}) as Record<string, string>).Segment;
      lines.push(`tgw-route-table ${segment ?? "untagged"}`);
    }
    for (const [, b] of all("aws_ec2_transit_gateway_route_table_association"))
      lines.push(`tgw-association ${tgwTable(b.transit_gateway_route_table_id)} ${attachment(b.transit_gateway_attachment_id)}`);
    for (const [, b] of all("aws_ec2_transit_gateway_route_table_propagation"))
      lines.push(`tgw-propagation ${tgwTable(b.transit_gateway_route_table_id)} ${attachment(b.transit_gateway_attachment_id)}`);
    for (const [, b] of all("aws_ec2_transit_gateway_route"))
      lines.push(
        `tgw-route ${tgwTable(b.transit_gateway_route_table_id)} ${String(b.destination_cidr_block)} -> ${b.blackhole ? "blackhole" : attachment(b.transit_gateway_attachment_id)}`,
      );
  }
  return lines.sort();
}

/** Multiset difference `a - b` (a line listed twice on one side and once on the other is drift too). */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    return n === 0;
  });
}

/** Compares the plan with the synthesized stacks, both ways. */
export function compareRouting(plan: RoutingPlan, stacks: Readonly<Record<string, StackJson>>): RoutingDrift {
  const planned = plannedRoutingLines(plan);
  const built = synthesizedRoutingLines(plan, stacks);
  return { missing: minus(planned, built), extra: minus(built, planned) };
}
