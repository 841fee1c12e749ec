/**
 * A topology diagram as plain data, independent of any output format: clusters (accounts, VPCs, the
 * Transit Gateway, on-prem sites) holding nodes, and edges between nodes. Areas of the model
 * (../diagram/areas.ts) add to it through {@link DiagramBuilder}; dot.ts and mermaid.ts render it.
 *
 * Everything keeps insertion order, so the same model always gives the same text (the committed
 * docs/topology.svg depends on it).
 */

/** What a node stands for; renderers choose colours and shapes by it. */
export type NodeKind =
  | "subnet-tier"
  | "attachment"
  | "transit-gateway"
  | "route-table"
  | "site"
  | "gateway"
  | "firewall"
  | "service"
  | "data";

/** What a cluster stands for. */
export type ClusterKind = "account" | "vpc" | "transit-gateway" | "site";

/**
 * Line style of an edge: solid (association, primary path, request flow), dashed (backup path, replication),
 * dotted (propagation), bold (a static route).
 */
export type EdgeStyle = "solid" | "dashed" | "dotted" | "bold";

/** A box. `lines[0]` is the title; the other lines are details (CIDRs, AZs, counts). */
export interface DiagramNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly lines: readonly string[];
}

/** A group of nodes and nested clusters, drawn as a labelled frame. */
export interface DiagramCluster {
  readonly id: string;
  readonly kind: ClusterKind;
  readonly label: string;
  readonly nodes: DiagramNode[];
  readonly clusters: DiagramCluster[];
}

/** An arrow from one node to another. */
export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly style: EdgeStyle;
  readonly label?: string;
  /** Grey, for links that are known but not modelled yet. @default false */
  readonly muted?: boolean;
  /**
   * Lay the edge out as if it went from `to` to `from` (the arrow still points at `to`), so `to` is drawn
   * first (left). Workload attachments use it to sit right of the hub. @default false
   */
  readonly layoutBackward?: boolean;
  /** Not drawn: only orders the layout (DOT `style=invis`; Mermaid leaves it out). @default false */
  readonly invisible?: boolean;
  /** How hard the layout keeps the two ends close (DOT `weight`, an integer). @default 1 */
  readonly weight?: number;
  /** Drawn, but not used to rank the nodes (DOT `constraint=false`), for edges that cut across the layout. @default true */
  readonly constraint?: boolean;
}

/** The whole diagram. */
export interface Diagram {
  readonly title: string;
  /** One line under the title explaining the line styles. */
  readonly legend: string;
  readonly clusters: readonly DiagramCluster[];
  readonly edges: readonly DiagramEdge[];
}

/**
 * Collects clusters, nodes and edges. Ids are global; adding an id twice, or to a missing cluster, throws
 * (an area function's bug, never a config problem).
 */
export class DiagramBuilder {
  private readonly roots: DiagramCluster[] = [];
  private readonly clusters = new Map<string, DiagramCluster>();
  private readonly nodeIds = new Set<string>();
  private readonly edges: DiagramEdge[] = [];

  constructor(
    private readonly title: string,
    private readonly legend: string,
  ) {}

  /** Adds a cluster under `parent` (a cluster id), or at the top when `parent` is undefined. */
  cluster(parent: string | undefined, id: string, kind: ClusterKind, label: string): string {
    if (this.clusters.has(id)) throw new Error(`diagram: cluster ${id} added twice`);
    const c: DiagramCluster = { id, kind, label, nodes: [], clusters: [] };
    (parent === undefined ? this.roots : this.get(parent).clusters).push(c);
    this.clusters.set(id, c);
    return id;
  }

  /** Whether a cluster with this id exists (areas use it to attach to optional parts). */
  hasCluster(id: string): boolean {
    return this.clusters.has(id);
  }

  /** Adds a node to the cluster `parent`. */
  node(parent: string, id: string, kind: NodeKind, lines: readonly string[]): string {
    if (this.nodeIds.has(id)) throw new Error(`diagram: node ${id} added twice`);
    this.get(parent).nodes.push({ id, kind, lines });
    this.nodeIds.add(id);
    return id;
  }

  /** Adds an edge; both ends must be nodes added before. */
  edge(edge: DiagramEdge): void {
    for (const end of [edge.from, edge.to]) if (!this.nodeIds.has(end)) throw new Error(`diagram: edge to unknown node ${end}`);
    this.edges.push(edge);
  }

  /** The diagram collected so far. */
  build(): Diagram {
    return { title: this.title, legend: this.legend, clusters: this.roots, edges: [...this.edges] };
  }

  private get(id: string): DiagramCluster {
    const c = this.clusters.get(id);
    if (!c) throw new Error(`diagram: no cluster ${id}`);
    return c;
  }
}
