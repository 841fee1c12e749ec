import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { buildDiagram, DiagramBuilder, ids, renderDiagram, toDot, toMermaid, type DiagramCluster } from "../../src/diagram/index.js";
import { planRouting, routingInput } from "../../src/routing/plan.js";

import { cleanupConfigDirs, REFERENCE_DIR, referenceWith, replace } from "../support/config-dir.js";
import { perVpcConfigDir } from "../support/per-vpc.js";

afterAll(cleanupConfigDirs);
const model = loadConfig(REFERENCE_DIR);
const diagram = buildDiagram(model);

/** Every cluster, depth first. */
const allClusters = (clusters: readonly DiagramCluster[]): DiagramCluster[] => clusters.flatMap((c) => [c, ...allClusters(c.clusters)]);
const clusters = allClusters(diagram.clusters);
const node = (id: string) => clusters.flatMap((c) => c.nodes).find((n) => n.id === id)!;

describe("the topology diagram of the shipped config", () => {
  it("draws every account as a cluster: the hub, on-prem and one per environment", () => {
    expect(diagram.clusters.map((c) => c.label)).toEqual([
      "network hub · account 111111111111 · eu-west-1",
      "on-premises",
      "dev · account 222222222222 · segment nonprod",
      "prod · account 444444444444 · segment prod · inspected centrally",
      "test · account 333333333333 · segment nonprod",
    ]);
  });

  it("shows each VPC with one node per tier listing its subnet in every AZ, and the NAT layout", () => {
    const prod = clusters.find((c) => c.id === ids.vpc("prod"))!;
    expect(prod.label).toBe("VPC acme-prod · 10.30.0.0/16 · 3 AZs");
    expect(node(ids.tier("prod", "privateApp")).lines).toEqual([
      "private-app",
      "AZ1 10.30.0.0/20",
      "AZ2 10.30.16.0/20",
      "AZ3 10.30.32.0/20",
    ]);
    expect(node(ids.attachment("prod")).lines).toEqual([
      "TGW attachment",
      "ENIs in the transit subnets",
      "AZ1 10.30.57.0/28",
      "AZ2 10.30.57.16/28",
      "AZ3 10.30.57.32/28",
      "flow logs: 365 days",
    ]);
    expect(node(ids.tier("prod", "public")).lines.at(-1)).toBe("IGW · no NAT (egress via the inspection VPC)");
    expect(node(ids.tier("dev", "public")).lines).toEqual(["public", "AZ1 10.10.54.0/24", "AZ2 10.10.55.0/24", "IGW · NAT ×1 (single)"]);
    expect(
      clusters.flatMap((c) => c.nodes).filter((n) => n.id.startsWith("vpc_") && n.id !== ids.firewall() && n.id.endsWith("_firewall")),
    ).toEqual([]);
  });

  it("adds a firewall tier node to a per-vpc environment's VPC", () => {
    const perVpc = buildDiagram(loadConfig(perVpcConfigDir()));
    const firewall = allClusters(perVpc.clusters)
      .flatMap((c) => c.nodes)
      .find((n) => n.id === ids.tier("test", "firewall"))!;
    expect(firewall.lines).toEqual([
      "firewall",
      "AZ1 10.20.57.48/28",
      "AZ2 10.20.57.64/28",
      "Network Firewall endpoint per AZ · IGW edge route table",
    ]);
  });

  it("draws the TGW route tables, associations (solid), propagations (dotted) and static routes (bold) of the routing plan, DX, VPN and inspection included", () => {
    const plan = planRouting(routingInput(model));
    const tableIds = plan.tables.map((t) => ids.routeTable(t.name));
    expect(tableIds).toEqual(["tgw_rt_prod", "tgw_rt_nonprod", "tgw_rt_onprem", "tgw_rt_inspection"]);
    const wiring = diagram.edges.filter(
      (e) => !e.invisible && (tableIds.includes(e.to) || tableIds.includes(e.from)) && e.from !== ids.onPremises(),
    );
    const expected = plan.tables.flatMap((t) => [
      ...t.associations.map((a) => `${ids.tgwAttachment(a)} solid ${ids.routeTable(t.name)}`),
      ...t.propagations.map((a) => `${ids.tgwAttachment(a)} dotted ${ids.routeTable(t.name)}`),
      ...t.staticRoutes
        .filter((r) => r.target !== "blackhole")
        .map((r) => `${ids.routeTable(t.name)} bold ${ids.tgwAttachment(r.target as never)} ${r.destination}`),
    ]);
    expect(wiring.map((e) => `${e.from} ${e.style} ${e.to}${e.style === "bold" ? ` ${e.label}` : ""}`).sort()).toEqual(expected.sort());
    // Spot checks against the shipped design (README, Routing design).
    expect(expected).toEqual(
      expect.arrayContaining([
        "dx solid tgw_rt_onprem",
        "vpn solid tgw_rt_onprem",
        "dx dotted tgw_rt_nonprod",
        "vpn dotted tgw_rt_inspection",
        "vpc_inspection_attachment solid tgw_rt_inspection",
        "vpc_prod_attachment solid tgw_rt_prod",
        "vpc_prod_attachment dotted tgw_rt_inspection",
        "vpc_dev_attachment dotted tgw_rt_onprem",
        "tgw_rt_prod bold vpc_inspection_attachment 0.0.0.0/0",
        "tgw_rt_onprem bold vpc_inspection_attachment 10.30.0.0/16",
      ]),
    );
    expect(expected).not.toContain("vpc_prod_attachment dotted tgw_rt_onprem");
    expect(node(ids.routeTable("prod")).lines).toEqual(["route table prod", "acme-tgw-prod", "static 0.0.0.0/0 → inspection"]);
  });

  it("draws Direct Connect (solid, primary) and the VPN (dashed, backup) from the data center, with VIF, DX gateway and customer gateway", () => {
    expect(diagram.edges.filter((e) => e.from === ids.onPremises()).map((e) => `${e.to} ${e.style} ${e.label}`)).toEqual([
      "dx solid primary · BGP",
      "vpn dashed backup · IPsec",
    ]);
    expect(node(ids.directConnect()).lines).toEqual([
      "Direct Connect (primary)",
      "transit VIF acme-transit-vif",
      "dxcon-ffabc123 · VLAN 310 · MTU 8500",
      "DX gateway acme-dxgw · ASN 64513",
      "advertises 10.10.0.0/16, 10.20.0.0/16",
      "10.30.0.0/16",
    ]);
    expect(node(ids.vpn()).lines).toEqual([
      "Site-to-Site VPN (backup)",
      "acme-vpn · BGP · ikev2",
      "tunnels 169.254.10.0/30, 169.254.10.4/30",
      "customer gateway acme-onprem",
      "203.0.113.10 · ASN 65010",
    ]);
    const hub = clusters.find((c) => c.id === ids.hubAccount())!;
    expect(hub.nodes.map((n) => n.id)).toEqual(["dx", "vpn"]);
  });

  it("draws each transit VIF as an edge with its location, and each VPN connection as its own node wired to the TGW tables", () => {
    const h = model.networkHub.hybrid!;
    const dx = h.directConnect!;
    const first = dx.transitVirtualInterfaces[0]!;
    const vpn = h.vpns![0]!;
    const redundant = buildDiagram({
      ...model,
      networkHub: {
        ...model.networkHub,
        hybrid: {
          ...h,
          directConnect: {
            ...dx,
            transitVirtualInterfaces: [
              { ...first, link: "primary", location: "EqLD5" },
              { ...first, name: "acme-transit-vif-secondary", link: "secondary", location: "TCSH", connectionId: "dxcon-ffdef456" },
            ],
          },
          vpns: [
            { ...vpn, link: "site-a" },
            { ...vpn, link: "site-b", name: "acme-vpn-site-b" },
          ],
        },
      },
    });
    expect(redundant.edges.filter((e) => e.from === ids.onPremises()).map((e) => `${e.to} ${e.style} ${e.label}`)).toEqual([
      "dx solid primary · BGP · VIF primary @ EqLD5",
      "dx solid primary · BGP · VIF secondary @ TCSH",
      "vpn dashed backup · IPsec · VPN site-a",
      "vpn_site_b dashed backup · IPsec · VPN site-b",
    ]);
    expect(redundant.edges.filter((e) => e.from === ids.vpn("site-b")).map((e) => e.to)).toContain(ids.routeTable("onprem"));
    expect(redundant.edges.filter((e) => e.from === ids.vpn("site-b")).map((e) => e.to)).toEqual(
      redundant.edges.filter((e) => e.from === ids.vpn()).map((e) => e.to),
    );
  });

  it("shows on-prem with its CIDRs, and the muted placeholder link only when there is neither DX nor VPN", () => {
    expect(node(ids.onPremises()).lines).toEqual(["data center", "172.16.0.0/16", "192.168.100.0/22", "BGP ASN 65010"]);
    expect(diagram.edges.some((e) => e.muted)).toBe(false);
    const { hybrid: _hybrid, ...hubWithoutHybrid } = model.networkHub;
    const noHybrid = { ...model, networkHub: hubWithoutHybrid };
    const plain = buildDiagram(noHybrid);
    expect(plain.edges.find((e) => e.from === ids.onPremises())).toMatchObject({
      to: ids.routeTable("onprem"),
      style: "dashed",
      muted: true,
    });
    expect(allClusters(plain.clusters).some((c) => c.id === ids.inspectionVpc())).toBe(false);
  });

  it("draws the inspection VPC in the hub: appliance-mode attachment, a firewall endpoint per AZ, and the segment it inspects", () => {
    const vpc = clusters.find((c) => c.id === ids.inspectionVpc())!;
    expect(clusters.find((c) => c.id === ids.hubAccount())!.clusters.map((c) => c.id)).toContain(ids.inspectionVpc());
    expect(vpc.label).toBe("inspection VPC acme-inspection · 10.255.0.0/24 · 3 AZs");
    expect(node(ids.inspectionAttachment()).lines.slice(0, 2)).toEqual(["TGW attachment", "appliance mode on: a flow stays in one AZ"]);
    expect(node(ids.firewall()).lines.slice(0, 5)).toEqual([
      "Network Firewall",
      "inspects segment prod (prod)",
      "endpoint AZ1 10.255.0.48/28",
      "endpoint AZ2 10.255.0.64/28",
      "endpoint AZ3 10.255.0.80/28",
    ]);
    expect(diagram.edges).toContainEqual(expect.objectContaining({ from: ids.inspectionAttachment(), to: ids.firewall(), style: "solid" }));
  });

  it("draws each environment's app chain CloudFront → WAF → ALB → services → RDS primary / standby / replica and Redis", () => {
    for (const env of ["dev", "test", "prod"]) {
      const chain = [ids.cloudFront(env), ids.waf(env), ids.alb(env), ids.services(env), ids.database(env)];
      for (let i = 1; i < chain.length; i++)
        expect(diagram.edges).toContainEqual(expect.objectContaining({ from: chain[i - 1], to: chain[i], style: "solid" }));
      expect(diagram.edges).toContainEqual(expect.objectContaining({ from: ids.services(env), to: ids.cache(env), style: "solid" }));
      const vpc = clusters.find((c) => c.id === ids.vpc(env))!;
      expect(vpc.nodes.filter((n) => n.kind === "data").map((n) => n.id)).toContain(ids.database(env));
      expect(clusters.find((c) => c.id === ids.workloadAccount(env))!.nodes.map((n) => n.id)).toEqual([ids.cloudFront(env), ids.waf(env)]);
    }
    expect(node(ids.services("prod")).lines).toEqual([
      "ECS Fargate services",
      "api · 1 vCPU / 2 GiB · ×3 (3–12) · blue-green",
      "jobs · 0.5 vCPU / 1 GiB · ×2 (2–6) · rolling",
    ]);
    expect(node(ids.database("prod")).lines).toEqual([
      "RDS primary",
      "acme-prod-mysql",
      "MySQL 8.4 · db.r6g.large",
      "100–500 GiB · backups 14 d",
    ]);
    expect(diagram.edges).toContainEqual(
      expect.objectContaining({ from: ids.database("prod"), to: ids.standby("prod"), style: "dashed", label: "sync" }),
    );
    expect(diagram.edges).toContainEqual(
      expect.objectContaining({ from: ids.database("prod"), to: ids.replicas("prod"), style: "dashed", label: "async" }),
    );
    expect(node(ids.replicas("prod")).lines).toEqual(["read replica", "acme-prod-mysql-replica-1", "asynchronous"]);
    expect(node(ids.cache("prod")).kind).toBe("data");
    // dev: single-AZ database without replicas; Shield Advanced only in prod.
    expect(clusters.flatMap((c) => c.nodes).some((n) => n.id === ids.standby("dev") || n.id === ids.replicas("dev"))).toBe(false);
    expect(node(ids.cloudFront("prod")).lines).toEqual(["CloudFront", "www.acme.example", "Shield Advanced"]);
    expect(node(ids.alb("prod")).lines).toContain("Shield Advanced");
    expect(node(ids.cloudFront("dev")).lines).toEqual(["CloudFront", "www.dev.acme.example"]);
  });

  it("draws no database or cache node where the app has none, and an Aurora writer and readers where it has Aurora", () => {
    const variants = buildDiagram(
      loadConfig(
        referenceWith({
          "dev.yaml": replace(/ {2}database:\n( {4}.*\n)+ {2}cache:\n( {4}.*\n)+/, ""),
          "prod.yaml": replace(
            / {2}database:\n( {4}.*\n)+/,
            "  database:\n    engine: aurora-postgres\n    instanceClass: db.r7g.large\n    storageType: aurora-iopt1\n    readReplicas: 2\n",
          ),
        }),
      ),
    );
    const all = allClusters(variants.clusters).flatMap((c) => c.nodes);
    const ids_ = new Set(all.map((n) => n.id));
    for (const id of [ids.database("dev"), ids.cache("dev"), ids.standby("dev"), ids.replicas("dev")]) expect(ids_.has(id), id).toBe(false);
    expect(variants.edges.some((e) => e.from === ids.services("dev") && (e.to === ids.database("dev") || e.to === ids.cache("dev")))).toBe(
      false,
    );
    expect(all.find((n) => n.id === ids.database("prod"))!.lines).toEqual([
      "Aurora writer",
      "acme-prod-aurora-postgres",
      "Aurora PostgreSQL 17.7 · db.r7g.large",
      "I/O-Optimized storage · backups 14 d",
    ]);
    expect(all.find((n) => n.id === ids.replicas("prod"))!.lines).toEqual([
      "Aurora readers ×2",
      "acme-prod-aurora-postgres-2",
      "acme-prod-aurora-postgres-3",
      "other AZs · failover targets",
    ]);
    expect(ids_.has(ids.standby("prod"))).toBe(false);
  });

  it("writes DOT with clusters, escaped HTML labels, backward layout for attachments and invisible ordering edges", () => {
    const dot = toDot(diagram);
    expect(dot).toMatch(/^digraph "acme landing zone" \{\n/);
    expect(dot).toContain('subgraph "cluster_account_prod" {');
    expect(dot).toContain('"tgw_rt_prod" -> "vpc_prod_attachment" [style=solid, dir=back];');
    expect(dot).toContain('"tgw_rt_inspection" -> "vpc_prod_attachment" [style=dotted, dir=back];');
    expect(dot).toContain('"vpc_prod_attachment" -> "vpc_prod_public" [weight=8, style=invis];');
    expect(dot).toContain('"onprem" -> "dx" [style=solid, label=<<font point-size="9">primary · BGP</font>>];');
    expect(dot).toContain('"onprem" -> "vpn" [style=dashed, label=<<font point-size="9">backup · IPsec</font>>];');
    expect(dot).toContain(
      '"vpc_inspection_attachment" -> "tgw_rt_prod" [style=bold, label=<<font point-size="9">0.0.0.0/0</font>>, dir=back];',
    );
    expect(dot).toContain('subgraph "cluster_vpc_inspection" {');
    expect(dot).toContain('"app_prod_rds_primary" [label=<<b>RDS primary</b>');
    expect(dot).toMatch(/"app_prod_redis" \[label=<[^\n]*shape=cylinder/);
    expect(dot).toContain('"app_prod_waf" -> "app_prod_alb" [style=solid');
  });

  it("writes Mermaid subgraphs and edges, without the layout-only ones", () => {
    const mermaid = toMermaid(diagram);
    expect(mermaid).toContain("flowchart LR\n");
    expect(mermaid).toContain('  subgraph account_prod["prod · account 444444444444 · segment prod · inspected centrally"]\n');
    expect(mermaid).toContain("  vpc_prod_attachment --> tgw_rt_prod\n");
    expect(mermaid).toContain("  vpc_prod_attachment -.-> tgw_rt_inspection\n");
    expect(mermaid).toContain("  onprem -->|primary · BGP| dx\n");
    expect(mermaid).toContain("  onprem -.->|backup · IPsec| vpn\n");
    expect(mermaid).toContain("  tgw_rt_prod ==>|0.0.0.0/0| vpc_inspection_attachment\n");
    expect(mermaid).toContain('    subgraph vpc_inspection["inspection VPC acme-inspection · 10.255.0.0/24 · 3 AZs"]\n');
    expect(mermaid).toContain("  app_prod_cloudfront --> app_prod_waf\n");
    expect(mermaid).toContain("  app_prod_rds_primary -.->|sync| app_prod_rds_standby\n");
    expect(mermaid).toContain("%% solid (-->): associated with a TGW route table");
    expect(mermaid).not.toContain("vpc_prod_attachment --> vpc_prod_public");
  });

  it("matches the recorded drawing of the reference config (after changing the drawing: npx lz diagram --config test/fixtures/reference --out test/fixtures/reference-topology.svg)", async () => {
    const svg = await renderDiagram(model, "svg");
    expect(svg).toMatch(/^<\?xml/);
    expect(
      svg === readFileSync("test/fixtures/reference-topology.svg", "utf8"),
      "test/fixtures/reference-topology.svg is stale: run npx lz diagram --config test/fixtures/reference --out test/fixtures/reference-topology.svg",
    ).toBe(true);
  });

  it("renders the same SVG twice", async () => {
    expect(await renderDiagram(model, "svg")).toBe(await renderDiagram(model, "svg"));
  });
});

describe("DiagramBuilder", () => {
  it("throws when an area adds a node twice or links an unknown node", () => {
    const d = new DiagramBuilder("t", "l");
    d.cluster(undefined, "c", "account", "c");
    d.node("c", "a", "site", ["a"]);
    expect(() => d.node("c", "a", "site", ["a"])).toThrow("diagram: node a added twice");
    expect(() => d.edge({ from: "a", to: "b", style: "solid" })).toThrow("diagram: edge to unknown node b");
  });
});
