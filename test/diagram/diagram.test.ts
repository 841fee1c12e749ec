import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { buildDiagram, DiagramBuilder, ids, renderDiagram, toDot, toMermaid, type DiagramCluster } from "../../src/diagram/index.js";

import { cleanupConfigDirs } from "../support/config-dir.js";
import { perVpcConfigDir } from "../support/per-vpc.js";

afterAll(cleanupConfigDirs);
const model = loadConfig("environments");
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
      "prod · account 444444444444 · segment prod",
      "test · account 333333333333 · segment nonprod",
    ]);
  });

  it("shows each VPC with one node per tier listing its subnet in every AZ, and the NAT layout", () => {
    const prod = clusters.find((c) => c.id === ids.vpc("prod"))!;
    expect(prod.label).toBe("VPC acme-prod · 10.30.0.0/16 · 3 AZs");
    expect(node(ids.tier("prod", "privateApp")).lines).toEqual(["private-app", "AZ1 10.30.0.0/20", "AZ2 10.30.16.0/20", "AZ3 10.30.32.0/20"]);
    expect(node(ids.tier("prod", "public")).lines.at(-1)).toBe("IGW · NAT ×3 (one-per-az)");
    expect(node(ids.tier("dev", "public")).lines).toEqual(["public", "AZ1 10.10.54.0/24", "AZ2 10.10.55.0/24", "IGW · NAT ×1 (single)"]);
    expect(clusters.flatMap((c) => c.nodes).filter((n) => n.id.endsWith("_firewall"))).toEqual([]);
  });

  it("adds a firewall tier node to a per-vpc environment's VPC", () => {
    const perVpc = buildDiagram(loadConfig(perVpcConfigDir()));
    const firewall = allClusters(perVpc.clusters).flatMap((c) => c.nodes).find((n) => n.id === ids.tier("test", "firewall"))!;
    expect(firewall.lines).toEqual(["firewall", "AZ1 10.20.57.48/28", "AZ2 10.20.57.64/28", "Network Firewall endpoint per AZ · IGW edge route table"]);
  });

  it("shows the Transit Gateway's route tables, each attachment associated (solid) with its segment and propagating (dotted) into it and onprem", () => {
    const visible = diagram.edges.filter((e) => !e.invisible && e.from.endsWith("_attachment"));
    expect(visible.map((e) => `${e.from} ${e.style} ${e.to}`)).toEqual([
      "vpc_dev_attachment solid tgw_rt_nonprod",
      "vpc_dev_attachment dotted tgw_rt_nonprod",
      "vpc_dev_attachment dotted tgw_rt_onprem",
      "vpc_prod_attachment solid tgw_rt_prod",
      "vpc_prod_attachment dotted tgw_rt_prod",
      "vpc_prod_attachment dotted tgw_rt_onprem",
      "vpc_test_attachment solid tgw_rt_nonprod",
      "vpc_test_attachment dotted tgw_rt_nonprod",
      "vpc_test_attachment dotted tgw_rt_onprem",
    ]);
  });

  it("shows on-prem with its CIDRs, linked to the onprem table as not yet modelled", () => {
    expect(node(ids.onPremises()).lines).toEqual(["data center", "172.16.0.0/16", "192.168.100.0/22", "BGP ASN 65010"]);
    expect(diagram.edges.find((e) => e.from === ids.onPremises())).toMatchObject({ to: ids.routeTable("onprem"), style: "dashed", muted: true });
  });

  it("writes DOT with clusters, escaped HTML labels, backward layout for attachments and invisible ordering edges", () => {
    const dot = toDot(diagram);
    expect(dot).toMatch(/^digraph "acme landing zone" \{\n/);
    expect(dot).toContain('subgraph "cluster_account_prod" {');
    expect(dot).toContain('"tgw_rt_prod" -> "vpc_prod_attachment" [style=solid, dir=back];');
    expect(dot).toContain('"tgw_rt_onprem" -> "vpc_prod_attachment" [style=dotted, dir=back];');
    expect(dot).toContain('"vpc_prod_attachment" -> "vpc_prod_public" [style=invis];');
  });

  it("writes Mermaid subgraphs and edges, without the layout-only ones", () => {
    const mermaid = toMermaid(diagram);
    expect(mermaid).toContain("flowchart LR\n");
    expect(mermaid).toContain('  subgraph account_prod["prod · account 444444444444 · segment prod"]\n');
    expect(mermaid).toContain("  vpc_prod_attachment --> tgw_rt_prod\n");
    expect(mermaid).toContain("  vpc_prod_attachment -.-> tgw_rt_onprem\n");
    expect(mermaid).not.toContain("vpc_prod_attachment --> vpc_prod_public");
  });

  it("matches the committed docs/topology.svg (run `npx lz diagram --out docs/topology.svg` after changing the config or the drawing)", async () => {
    const svg = await renderDiagram(model, "svg");
    expect(svg).toMatch(/^<\?xml/);
    expect(svg === readFileSync("docs/topology.svg", "utf8"), "docs/topology.svg is stale: run npx lz diagram --out docs/topology.svg").toBe(true);
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
