import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { buildDiagram } from "../../src/diagram/areas.js";
import { dnsEndpointsId } from "../../src/diagram/dns-area.js";
import type { DiagramCluster } from "../../src/diagram/graph.js";
import { cleanupConfigDirs, REFERENCE_DIR } from "../support/config-dir.js";
import { dnsConfigDir } from "../support/dns.js";

afterAll(cleanupConfigDirs);

const clusterById = (clusters: readonly DiagramCluster[], id: string): DiagramCluster | undefined => {
  for (const c of clusters) {
    if (c.id === id) return c;
    const inner = clusterById(c.clusters, id);
    if (inner) return inner;
  }
  return undefined;
};

describe("hybrid DNS in the diagram", () => {
  it("draws the Resolver endpoints in the endpoint VPC with their addresses, and the forward rule to the on-prem DNS servers", () => {
    const diagram = buildDiagram(loadConfig(dnsConfigDir()));
    const node = clusterById(diagram.clusters, "vpc_prod")?.nodes.find((n) => n.id === dnsEndpointsId("prod"));
    expect(node?.lines.slice(0, 3)).toEqual([
      "Route 53 Resolver endpoints",
      "inbound 10.30.15.254, 10.30.31.254, 10.30.47.254",
      "outbound 10.30.15.253, 10.30.31.253, 10.30.47.253",
    ]);
    expect(
      diagram.edges.filter((e) => e.from === dnsEndpointsId("prod") || e.to === dnsEndpointsId("prod")).map((e) => [e.from, e.to, e.label]),
    ).toEqual([
      ["vpc_prod_privateApp", "vpc_prod_dns_endpoints", undefined],
      ["vpc_prod_dns_endpoints", "onprem", "forward corp.acme.example, ad.acme.example → 172.16.0.53, 192.168.100.53 :53"],
      ["onprem", "vpc_prod_dns_endpoints", "aws.acme.example queries :53"],
    ]);
  });

  it("draws nothing for DNS without networkHub.dns", () => {
    const diagram = buildDiagram(loadConfig(REFERENCE_DIR));
    expect(diagram.edges.some((e) => e.to === dnsEndpointsId("prod"))).toBe(false);
  });
});
