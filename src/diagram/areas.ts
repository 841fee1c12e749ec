/**
 * The landing-zone model as a {@link Diagram}: one small function per area of the model, each reading its
 * part and adding clusters, nodes and edges. {@link DIAGRAM_AREAS} lists them in drawing order.
 *
 * To draw a new part of the model, write one more `DiagramArea` that reads the optional model part and
 * returns early when it is absent, and add it to {@link DIAGRAM_AREAS}. Attach to existing clusters and
 * nodes through {@link ids}. Edge styles: `solid` for associations, primary paths and request flow,
 * `dashed` for backup paths and replication, `dotted` for propagations, `bold` for static routes.
 *
 * The Transit Gateway's tables, associations, propagations and static routes are drawn from the routing
 * plan (src/routing/plan.ts), the same one the stacks deploy and `lz routes` verifies, so the picture
 * cannot drift from what is built. An area that adds a TGW attachment registers its node with
 * {@link ids.tgwAttachment} (`directconnect`, `vpn`, `vpc:<env>`, `vpc:inspection`).
 */
import type { AppDatabaseModel, AppModel } from "../config/app-model.js";
import { nlbListenerOf, type LandingZoneModel, type WorkloadModel } from "../config/index.js";
import { SUBNET_TIERS, type OptionalSubnetTier, type SubnetTier } from "../config/index.js";
import {
  INSPECTION_ATTACHMENT,
  onPremisesClosedSubnets,
  planRouting,
  routingInput,
  type AttachmentId,
  type RoutingPlan,
  type TgwTableName,
} from "../routing/plan.js";
import { hybridDnsArea } from "./dns-area.js";
import { DiagramBuilder, type Diagram } from "./graph.js";
import { organizationArea } from "./organization-area.js";
import { coreAccountsArea } from "./security-areas.js";

/** Adds one area of the model to the diagram. */
export type DiagramArea = (model: LandingZoneModel, d: DiagramBuilder) => void;

/** Ids of the clusters and nodes other areas attach to. */
export const ids = {
  hubAccount: () => "account_hub",
  transitGateway: () => "tgw",
  routeTable: (table: TgwTableName) => `tgw_rt_${table}`,
  site: () => "site_onprem",
  onPremises: () => "onprem",
  directConnect: () => "dx",
  /** The node of a VPN connection: `vpn` for the first (attachment `vpn`), `vpn_<link>` for attachment `vpn:<link>`. */
  vpn: (link?: string) => (link ? `vpn_${link.replace(/-/g, "_")}` : "vpn"),
  inspectionVpc: () => "vpc_inspection",
  inspectionAttachment: () => "vpc_inspection_attachment",
  firewall: () => "vpc_inspection_firewall",
  workloadAccount: (env: string) => `account_${env}`,
  vpc: (env: string) => `vpc_${env}`,
  tier: (env: string, tier: SubnetTier | OptionalSubnetTier) => `vpc_${env}_${tier}`,
  attachment: (env: string) => `vpc_${env}_attachment`,
  cloudFront: (env: string) => `app_${env}_cloudfront`,
  waf: (env: string) => `app_${env}_waf`,
  alb: (env: string) => `app_${env}_alb`,
  nlb: (env: string) => `app_${env}_nlb`,
  services: (env: string) => `app_${env}_services`,
  database: (env: string) => `app_${env}_rds_primary`,
  standby: (env: string) => `app_${env}_rds_standby`,
  replicas: (env: string) => `app_${env}_rds_replicas`,
  cache: (env: string) => `app_${env}_redis`,
  dynamodb: (env: string) => `app_${env}_dynamodb`,
  internalAlb: (env: string) => `app_${env}_internal_alb`,
  httpApi: (env: string) => `app_${env}_http_api`,
  /** The node standing for a TGW attachment of the routing plan. */
  tgwAttachment: (id: AttachmentId): string => {
    if (id === "directconnect") return ids.directConnect();
    if (id === "vpn") return ids.vpn();
    if (id.startsWith("vpn:")) return ids.vpn(id.slice("vpn:".length));
    if (id === INSPECTION_ATTACHMENT) return ids.inspectionAttachment();
    return ids.attachment(id.slice("vpc:".length));
  },
} as const;

const TIER_NAMES: Readonly<Record<SubnetTier, string>> = {
  public: "public",
  privateApp: "private-app",
  privateData: "private-data",
  transit: "transit",
};
/** Tiers drawn as a node of their own (top to bottom); the transit subnets are listed on the TGW attachment. */
const NODE_TIERS = SUBNET_TIERS.filter((t) => t !== "transit");

/** The routing plan the stacks deploy (src/routing/plan.ts). */
function planOf(model: LandingZoneModel): RoutingPlan {
  return planRouting(routingInput(model));
}

/** `items` joined with `, `, at most `perLine` to a line. */
function wrap(items: readonly string[], perLine: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perLine) lines.push(items.slice(i, i + perLine).join(", "));
  return lines;
}

/** The hub account: the Transit Gateway and its route tables (those of the routing plan), each with its static routes. */
export const transitGatewayArea: DiagramArea = (model, d) => {
  const hub = model.networkHub;
  const tgw = hub.transitGateway;
  d.cluster(undefined, ids.hubAccount(), "account", `network hub · account ${hub.accountId} · ${hub.region}`);
  d.cluster(ids.hubAccount(), ids.transitGateway(), "transit-gateway", `Transit Gateway ${tgw.name} · ASN ${tgw.amazonSideAsn}`);
  // The onprem table's blackholes for tiers on-prem may not reach are summarized, one line per environment.
  const closed = new Map(routingInput(model).environments.flatMap((e) => onPremisesClosedSubnets(e).map((c) => [c, e.name] as const)));
  for (const table of planOf(model).tables) {
    const isClosed = (r: (typeof table.staticRoutes)[number]) =>
      table.name === "onprem" && r.target === "blackhole" && closed.has(r.destination);
    const statics = table.staticRoutes
      .filter((r) => !isClosed(r))
      .map((r) => `static ${r.destination} → ${r.target === "blackhole" ? "blackhole" : r.target.replace(/^vpc:/, "")}`);
    const closedBy = new Map<string, number>();
    for (const r of table.staticRoutes.filter(isClosed))
      closedBy.set(closed.get(r.destination)!, (closedBy.get(closed.get(r.destination)!) ?? 0) + 1);
    for (const [env, n] of closedBy) statics.push(`blackhole ${n} subnets of ${env} closed to on-prem`);
    d.node(ids.transitGateway(), ids.routeTable(table.name), "route-table", [
      `route table ${table.name}`,
      `${tgw.name}-${table.name}`,
      ...statics,
    ]);
  }
};

/** The on-premises network. Without a DX or VPN attachment in the model, its link to the hub is muted. */
export const onPremisesArea: DiagramArea = (model, d) => {
  const onPrem = model.networkHub.onPremises;
  d.cluster(undefined, ids.site(), "site", "on-premises");
  d.node(ids.site(), ids.onPremises(), "site", ["data center", ...onPrem.cidrs, `BGP ASN ${onPrem.bgpAsn}`]);
  const h = model.networkHub.hybrid;
  if (h?.directConnect || h?.vpns) return; // hybridConnectivityArea draws the paths
  d.edge({ from: ids.onPremises(), to: ids.routeTable("onprem"), style: "dashed", label: "no DX/VPN yet", muted: true });
};

/**
 * Direct Connect (primary, solid) and the Site-to-Site VPNs (backup, dashed) from the data center to the hub:
 * the transit VIFs and DX gateway in one node (one solid edge per VIF when there are several, labelled with its
 * name and location), each VPN connection with its customer gateway in another. Each node is also the TGW
 * attachment; its association and propagations come from {@link tgwWiringArea}.
 */
export const hybridConnectivityArea: DiagramArea = (model, d) => {
  const h = model.networkHub.hybrid;
  const dx = h?.directConnect;
  const vpns = h?.vpns ?? [];
  if (!dx && vpns.length === 0) return;
  if (dx) {
    const vifs = dx.transitVirtualInterfaces;
    d.node(ids.hubAccount(), ids.directConnect(), "gateway", [
      "Direct Connect (primary)",
      ...(vifs.length === 0
        ? ["no transit VIF in the config"]
        : vifs.flatMap((vif) => [
            `transit VIF ${vif.name}`,
            `${vif.connectionId}${vif.location ? ` @ ${vif.location}` : ""} · VLAN ${vif.vlan} · MTU ${vif.mtu}`,
          ])),
      `DX gateway ${dx.gatewayName} · ASN ${dx.amazonSideAsn}`,
      ...wrap(dx.allowedPrefixes, 2).map((l, i) => (i === 0 ? `advertises ${l}` : l)),
    ]);
    if (vifs.length > 1)
      for (const vif of vifs)
        d.edge({
          from: ids.onPremises(),
          to: ids.directConnect(),
          style: "solid",
          label: `primary · BGP · VIF ${vif.link} @ ${vif.location}`,
        });
    else d.edge({ from: ids.onPremises(), to: ids.directConnect(), style: "solid", label: "primary · BGP" });
  }
  for (const vpn of vpns) {
    const cgw = vpn.customerGateway;
    const node = ids.vpn(vpn === vpns[0] ? undefined : vpn.link);
    d.node(ids.hubAccount(), node, "gateway", [
      "Site-to-Site VPN (backup)",
      `${vpn.name} · ${vpn.staticRoutesOnly ? "static routes" : "BGP"} · ${vpn.ikeVersions.join(", ")}`,
      `tunnels ${vpn.tunnels.map((t) => t.insideCidr).join(", ")}`,
      `customer gateway ${cgw.name}`,
      `${cgw.ipAddress} · ASN ${cgw.bgpAsn}`,
    ]);
    d.edge({
      from: ids.onPremises(),
      to: node,
      style: "dashed",
      label: vpns.length > 1 ? `backup · IPsec · VPN ${vpn.link}` : "backup · IPsec",
    });
  }
};

/**
 * The central inspection VPC in the hub: its TGW attachment (appliance mode) and the Network Firewall with an
 * endpoint per AZ and the NAT egress. The frame names the environments whose traffic goes through it (the
 * routing plan's static routes to the inspection attachment show how).
 */
export const inspectionArea: DiagramArea = (model, d) => {
  const insp = model.networkHub.hybrid?.inspection;
  if (!insp) return;
  const plan = planOf(model);
  const attachment = plan.attachments.find((a) => a.id === INSPECTION_ATTACHMENT);
  const inspected = model.environments.filter((e) => e.inspection === "central" && attachment);
  const segments = [...new Set(inspected.map((e) => e.segment))];
  const shared = model.environments.filter((e) => e.segment === "shared");
  const who =
    inspected.length === 0
      ? "inspects nothing yet"
      : `inspects segment ${segments.join(", ")} (${inspected.map((e) => e.name).join(", ")})${shared.length > 0 ? `, also with shared (${shared.map((e) => e.name).join(", ")})` : ""}`;
  const azs = Array.from({ length: insp.azCount }, (_, az) => az);
  d.cluster(ids.hubAccount(), ids.inspectionVpc(), "vpc", `inspection VPC ${insp.name} · ${insp.vpcCidr} · ${insp.azCount} AZs`);
  d.node(ids.inspectionVpc(), ids.inspectionAttachment(), "attachment", [
    "TGW attachment",
    `appliance mode ${attachment?.applianceMode ? "on" : "off"}: a flow stays in one AZ`,
    ...azs.map((az) => `AZ${az + 1} ${insp.subnets.transitGateway[az]}`),
  ]);
  // The egress (NAT + IGW in the public subnets) is a line of the firewall node, not a column of its own, so the
  // hub stays two columns wide and the workload accounts fit beside it.
  d.node(ids.inspectionVpc(), ids.firewall(), "firewall", [
    "Network Firewall",
    who,
    ...azs.map((az) => `endpoint AZ${az + 1} ${insp.subnets.firewall[az]}`),
    `allow-list ${insp.allowedDomains.join(", ")}`,
    `${insp.suricataRules.length} Suricata rule${insp.suricataRules.length === 1 ? "" : "s"}`,
    `egress: NAT ×${insp.azCount} + IGW, public ${insp.subnets.public[0]}…`,
  ]);
  d.edge({ from: ids.inspectionAttachment(), to: ids.firewall(), style: "solid", label: "same-AZ endpoint" });
};

/**
 * One cluster per workload account holding its VPC: a node per tier listing its subnet per AZ, and the TGW
 * attachment with its transit subnets.
 */
export const workloadVpcArea: DiagramArea = (model, d) => {
  for (const env of model.environments) workloadVpc(env, d);
};

function workloadVpc(env: WorkloadModel, d: DiagramBuilder): void {
  const vpc = env.vpc;
  const inspected = env.inspection === "central" ? " · inspected centrally" : "";
  d.cluster(
    undefined,
    ids.workloadAccount(env.name),
    "account",
    `${env.name} · account ${env.accountId} · segment ${env.segment}${env.segment === "shared" ? " (reached by prod and nonprod, bridges neither)" : ""}${inspected}`,
  );
  d.cluster(ids.workloadAccount(env.name), ids.vpc(env.name), "vpc", `VPC ${vpc.name} · ${vpc.cidr} · ${vpc.azCount} AZs`);
  // The transit tier holds only the TGW attachment's ENIs, so its subnets are listed on the attachment's node.
  // Declared bottom tier first; Graphviz still orders the column by the app nodes each tier is tied to (appTierArea).
  for (const tier of [...NODE_TIERS].reverse()) {
    const subnets = vpc.subnets[tier].slice(0, vpc.azCount).map((cidr, az) => `AZ${az + 1} ${cidr}`);
    const nat =
      vpc.natGateways === "none"
        ? "no NAT (egress via the inspection VPC)"
        : `NAT ×${vpc.natGateways === "one-per-az" ? vpc.azCount : 1} (${vpc.natGateways})`;
    const extra = tier === "public" ? [`IGW · ${nat}`] : [];
    d.node(ids.vpc(env.name), ids.tier(env.name, tier), "subnet-tier", [TIER_NAMES[tier], ...subnets, ...extra]);
  }
  // Per-vpc inspection: the firewall tier sits between the public subnets and the internet gateway.
  const firewall = vpc.subnets.firewall;
  if (firewall) {
    const subnets = firewall.slice(0, vpc.azCount).map((cidr, az) => `AZ${az + 1} ${cidr}`);
    d.node(ids.vpc(env.name), ids.tier(env.name, "firewall"), "subnet-tier", [
      "firewall",
      ...subnets,
      "Network Firewall endpoint per AZ · IGW edge route table",
    ]);
  }
  const transit = vpc.subnets.transit.slice(0, vpc.azCount).map((cidr, az) => `AZ${az + 1} ${cidr}`);
  d.node(ids.vpc(env.name), ids.attachment(env.name), "attachment", [
    "TGW attachment",
    "ENIs in the transit subnets",
    ...transit,
    `flow logs: ${vpc.flowLogRetentionDays} days`,
  ]);
  // The attachment faces the hub; the tiers stack in one column to its right.
  for (const tier of [...NODE_TIERS].reverse())
    d.edge({ from: ids.attachment(env.name), to: ids.tier(env.name, tier), style: "solid", invisible: true, weight: 8 });
  if (firewall) d.edge({ from: ids.attachment(env.name), to: ids.tier(env.name, "firewall"), style: "solid", invisible: true });
}

/** `cpu` Fargate units as vCPU: `0.25 vCPU`, `1 vCPU`. */
function vcpu(cpu: number): string {
  return `${cpu / 1024} vCPU`;
}

/** MiB as `512 MiB` or `2 GiB`. */
function memory(mib: number): string {
  return mib % 1024 === 0 ? `${mib / 1024} GiB` : `${mib} MiB`;
}

/**
 * The app tier of each environment that has one: CloudFront → WAF → ALB → the services (and, where there are such
 * services, the internal ALB of the EC2 app tier and the HTTP API of the Lambda functions) → RDS
 * primary (with its Multi-AZ standby and read replicas), Redis and the DynamoDB tables. CloudFront, WAF and DynamoDB sit in the account
 * frame (they are global), the rest in the VPC next to the tier it runs in; Shield Advanced is noted on the
 * resources it protects.
 */
export const appTierArea: DiagramArea = (model, d) => {
  for (const env of model.environments) if (env.app) appTier(env.name, env.app, d);
};

function appTier(env: string, app: AppModel, d: DiagramBuilder): void {
  const shield = app.shieldAdvanced ? ["Shield Advanced"] : [];
  const account = ids.workloadAccount(env);
  const vpc = ids.vpc(env);
  const db = app.database;
  const cache = app.cache;
  d.node(account, ids.cloudFront(env), "gateway", ["CloudFront", app.domain?.siteName ?? "default *.cloudfront.net name", ...shield]);
  d.node(account, ids.waf(env), "firewall", [
    "WAF web ACL",
    `rate limit ${app.waf.ratePerFiveMinutes} / 5 min per IP`,
    `${app.waf.managedRuleGroups.length} managed rule groups`,
    ...(app.waf.blockedCountries.length > 0 ? [`blocks ${app.waf.blockedCountries.join(", ")}`] : []),
  ]);
  const vpcOrigin = app.edge.origin === "vpc-origin";
  d.node(
    vpc,
    ids.alb(env),
    "gateway",
    vpcOrigin
      ? ["ALB (internal)", app.loadBalancerName, "in the private app subnets"]
      : ["ALB", app.loadBalancerName, "in the public subnets", ...shield],
  );
  d.node(vpc, ids.services(env), "service", [
    app.services.every((s) => s.compute === "ecs-fargate") ? "ECS Fargate services" : "App services",
    ...app.services.map((s) =>
      s.compute === "ec2-asg"
        ? `${s.name} · EC2 Auto Scaling ${s.tier} tier · ${s.instanceType} ×${s.desiredCount} (${s.minCount}–${s.maxCount})${s.tier === "app" ? " · internal ALB" : ""}`
        : s.compute === "lambda"
          ? `${s.name} · Lambda ${memory(s.memoryMiB)} · HTTP API ${s.routeKeys.join(", ")}`
          : `${s.name} · ${vcpu(s.cpu)} / ${memory(s.memoryMiB)} · ×${s.desiredCount} (${s.minCount}–${s.maxCount}) · ${s.deployment}`,
    ),
  ]);
  const nlb = app.networkLoadBalancer;
  if (nlb) {
    d.node(vpc, ids.nlb(env), "gateway", [
      `NLB (${nlb.scheme})`,
      nlb.name,
      ...app.services.flatMap((s) => {
        const listener = nlbListenerOf(s);
        return listener ? [`${s.name} · ${listener.protocol} ${listener.port}`] : [];
      }),
    ]);
    d.edge({ from: ids.nlb(env), to: ids.services(env), style: "solid" });
  }
  computeNodes(env, app, d);
  if (db) databaseNodes(env, vpc, db, d);
  if (cache) {
    d.node(vpc, ids.cache(env), "data", [
      cache.engine === "valkey" ? "Valkey" : "Redis",
      cache.replicationGroupId,
      `${cache.nodeType} · 1 primary + ${cache.replicas} replica${cache.replicas === 1 ? "" : "s"}`,
      cache.multiAz ? "Multi-AZ failover" : "single AZ",
    ]);
  }
  // DynamoDB is a Regional service outside the VPC: in the account frame, like CloudFront.
  if (app.dynamodbTables.length > 0) {
    d.node(account, ids.dynamodb(env), "data", [
      "DynamoDB",
      ...app.dynamodbTables.map(
        (t) =>
          `${t.tableName} · ${t.billingMode === "PAY_PER_REQUEST" ? "on-demand" : "provisioned"}${t.pointInTimeRecovery ? " · PITR" : ""}${t.replicaRegions.length > 0 ? ` · replicas ${t.replicaRegions.join(", ")}` : ""}`,
      ),
    ]);
    d.edge({ from: ids.services(env), to: ids.dynamodb(env), style: "solid" });
  }

  d.edge({ from: ids.cloudFront(env), to: ids.waf(env), style: "solid" });
  const protocol = app.domain ? "HTTPS" : "HTTP";
  d.edge({ from: ids.waf(env), to: ids.alb(env), style: "solid", label: vpcOrigin ? `VPC origin · ${protocol}` : protocol });
  d.edge({ from: ids.alb(env), to: ids.services(env), style: "solid" });
  if (db) d.edge({ from: ids.services(env), to: ids.database(env), style: "solid" });
  if (cache) d.edge({ from: ids.services(env), to: ids.cache(env), style: "solid" });
  if (db && !db.aurora && db.multiAz) d.edge({ from: ids.database(env), to: ids.standby(env), style: "dashed", label: "sync" });
  if (db && db.readReplicas > 0)
    d.edge({ from: ids.database(env), to: ids.replicas(env), style: "dashed", label: db.aurora ? "shared volume" : "async" });
  // The ALB one column right of the public tier: CloudFront and WAF then fall in the attachment's and the tiers'
  // columns, above the VPC. Services right of private-app, the primary right of private-data. (rank=same would stack the data stores in one column, but Graphviz then draws the
  // clusters overlapping.)
  d.edge({ from: ids.tier(env, "public"), to: ids.alb(env), style: "solid", invisible: true });
  d.edge({ from: ids.tier(env, "privateApp"), to: ids.services(env), style: "solid", invisible: true });
  if (db) d.edge({ from: ids.tier(env, "privateData"), to: ids.database(env), style: "solid", invisible: true });
  else if (cache) d.edge({ from: ids.tier(env, "privateData"), to: ids.cache(env), style: "solid", invisible: true });
}

/**
 * The internal ALB of `tier: app` EC2 services (in the VPC: the web tier calls it, it forwards to the app tier) and
 * the HTTP API in front of the Lambda functions (in the account frame, a Regional endpoint like DynamoDB).
 */
function computeNodes(env: string, app: AppModel, d: DiagramBuilder): void {
  if (app.internalLoadBalancerName) {
    d.node(ids.vpc(env), ids.internalAlb(env), "gateway", ["Internal ALB", app.internalLoadBalancerName, "in the private app subnets"]);
    d.edge({ from: ids.services(env), to: ids.internalAlb(env), style: "solid", label: "web tier, HTTPS" });
    d.edge({ from: ids.internalAlb(env), to: ids.services(env), style: "dashed", label: "app tier" });
  }
  if (app.httpApiName) {
    d.node(ids.workloadAccount(env), ids.httpApi(env), "gateway", ["API Gateway HTTP API", app.httpApiName]);
    d.edge({ from: ids.httpApi(env), to: ids.services(env), style: "solid", label: "Lambda" });
  }
}

/** How the diagram names each engine. */
const ENGINE_LABEL: Readonly<Record<AppDatabaseModel["engine"], string>> = {
  "rds-mysql": "MySQL",
  "rds-postgres": "PostgreSQL",
  "aurora-mysql": "Aurora MySQL",
  "aurora-postgres": "Aurora PostgreSQL",
};

/** The database: an RDS primary with its standby and replicas, or an Aurora writer with its readers. */
function databaseNodes(env: string, vpc: string, db: AppDatabaseModel, d: DiagramBuilder): void {
  if (db.aurora) {
    d.node(vpc, ids.database(env), "data", [
      "Aurora writer",
      db.identifier,
      `${ENGINE_LABEL[db.engine]} ${db.engineVersion} · ${db.instanceClass}`,
      `${db.storageType === "aurora-iopt1" ? "I/O-Optimized" : "Standard"} storage · backups ${db.backupRetentionDays} d`,
    ]);
    if (db.readReplicas > 0) {
      const names = Array.from({ length: db.readReplicas }, (_, i) => `${db.identifier}-${i + 2}`);
      d.node(vpc, ids.replicas(env), "data", [
        db.readReplicas === 1 ? "Aurora reader" : `Aurora readers ×${db.readReplicas}`,
        ...names,
        db.multiAz ? "other AZs · failover targets" : "same AZ",
      ]);
    }
    return;
  }
  d.node(vpc, ids.database(env), "data", [
    "RDS primary",
    db.identifier,
    `${ENGINE_LABEL[db.engine]} ${db.engineVersion} · ${db.instanceClass}`,
    `${db.allocatedStorageGiB}–${db.maxAllocatedStorageGiB} GiB · backups ${db.backupRetentionDays} d`,
  ]);
  if (db.multiAz) d.node(vpc, ids.standby(env), "data", ["RDS standby", "Multi-AZ, synchronous", "other AZ · failover"]);
  if (db.readReplicas > 0) {
    const names = Array.from({ length: db.readReplicas }, (_, i) => `${db.identifier}-replica-${i + 1}`);
    d.node(vpc, ids.replicas(env), "data", [
      db.readReplicas === 1 ? "read replica" : `read replicas ×${db.readReplicas}`,
      ...names,
      "asynchronous",
    ]);
  }
}

/**
 * The Transit Gateway wiring of the routing plan (src/routing/plan.ts), exactly what the stacks deploy: each
 * attachment associated with one table (solid), propagating into tables (dotted), and static routes from a
 * table to an attachment (bold, labelled with the destination). Attachments left of the TGW (DX, VPN,
 * inspection) are laid out forward, workload VPC attachments backward so they sit right of it.
 */
export const tgwWiringArea: DiagramArea = (model, d) => {
  const plan = planOf(model);
  const backward = (id: AttachmentId) => id.startsWith("vpc:") && id !== INSPECTION_ATTACHMENT;
  for (const table of plan.tables) {
    const rt = ids.routeTable(table.name);
    for (const a of table.associations) d.edge({ from: ids.tgwAttachment(a), to: rt, style: "solid", layoutBackward: backward(a) });
    for (const a of table.propagations) d.edge({ from: ids.tgwAttachment(a), to: rt, style: "dotted", layoutBackward: backward(a) });
    for (const r of table.staticRoutes) {
      if (r.target === "blackhole") continue; // listed in the table's node
      d.edge({ from: rt, to: ids.tgwAttachment(r.target), style: "bold", label: r.destination, layoutBackward: !backward(r.target) });
    }
  }
};

/** Every area, in drawing order. Add new ones here (see the file comment). */
export const DIAGRAM_AREAS: readonly DiagramArea[] = [
  transitGatewayArea,
  onPremisesArea,
  hybridConnectivityArea,
  inspectionArea,
  workloadVpcArea,
  appTierArea,
  hybridDnsArea,
  tgwWiringArea,
  organizationArea,
  coreAccountsArea,
];

/** The topology of `model`, drawn by `areas`. @default areas {@link DIAGRAM_AREAS} */
export function buildDiagram(model: LandingZoneModel, areas: readonly DiagramArea[] = DIAGRAM_AREAS): Diagram {
  const d = new DiagramBuilder(
    `${model.organization.name} landing zone`,
    "solid: associated with a TGW route table, primary path, request flow · dotted: propagates into the table · bold: static route · dashed: backup path, replication",
  );
  for (const area of areas) area(model, d);
  return d.build();
}
