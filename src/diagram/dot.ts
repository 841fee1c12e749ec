/**
 * A {@link Diagram} as Graphviz DOT: left to right, clusters as frames, one box per node with its title in
 * bold. Output depends only on the diagram, so it is byte-stable.
 */
import type { ClusterKind, Diagram, DiagramCluster, DiagramEdge, NodeKind } from "./graph.js";

const FONT = "Helvetica";

const NODE_STYLE: Readonly<Record<NodeKind, { fill: string; shape: string }>> = {
  "subnet-tier": { fill: "#e8f1fb", shape: "box" },
  attachment: { fill: "#fff4d6", shape: "box" },
  "transit-gateway": { fill: "#fde2cf", shape: "box" },
  "route-table": { fill: "#fde2cf", shape: "box" },
  site: { fill: "#eeeeee", shape: "box" },
  gateway: { fill: "#e6f4e6", shape: "box" },
  firewall: { fill: "#fbd9d3", shape: "box" },
  service: { fill: "#efe6f7", shape: "box" },
  data: { fill: "#f9e1e1", shape: "cylinder" },
};

const CLUSTER_STYLE: Readonly<Record<ClusterKind, { color: string; fill: string }>> = {
  account: { color: "#5b6b7b", fill: "#fbfbfb" },
  vpc: { color: "#2f6db5", fill: "#ffffff" },
  "transit-gateway": { color: "#c4651b", fill: "#fffaf5" },
  site: { color: "#777777", fill: "#f7f7f7" },
};

/** Text as an HTML-like label fragment: `&`, `<`, `>` and `"` escaped. */
function html(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A DOT identifier in quotes. */
function q(id: string): string {
  return `"${id.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function cluster(c: DiagramCluster, indent: string): string[] {
  const style = CLUSTER_STYLE[c.kind];
  const inner = `${indent}  `;
  return [
    `${indent}subgraph ${q(`cluster_${c.id}`)} {`,
    `${inner}label=<<b>${html(c.label)}</b>>; labeljust=l; style="rounded,filled"; color="${style.color}"; fillcolor="${style.fill}"; penwidth=1.4;`,
    ...c.nodes.map((n) => {
      const s = NODE_STYLE[n.kind];
      const [title = "", ...rest] = n.lines;
      const label = [`<b>${html(title)}</b>`, ...rest.map((l) => `<font point-size="10">${html(l)}</font>`)].join("<br/>");
      return `${inner}${q(n.id)} [label=<${label}>, shape=${s.shape}, fillcolor="${s.fill}"];`;
    }),
    ...c.clusters.flatMap((child) => cluster(child, inner)),
    `${indent}}`,
  ];
}

function edge(e: DiagramEdge): string {
  const attrs = [
    ...(e.invisible ? [] : [`style=${e.style}`]),
    ...(e.label ? [`label=<<font point-size="9">${html(e.label)}</font>>`] : []),
    ...(e.muted ? ['color="#999999"', 'fontcolor="#777777"'] : []),
    ...(e.layoutBackward ? ["dir=back"] : []),
    ...(e.constraint === false ? ["constraint=false"] : []),
    ...(e.weight !== undefined ? [`weight=${e.weight}`] : []),
    ...(e.invisible ? ["style=invis"] : []),
  ];
  const [a, b] = e.layoutBackward ? [e.to, e.from] : [e.from, e.to];
  return `  ${q(a)} -> ${q(b)} [${attrs.join(", ")}];`;
}

/** The DOT source of `diagram`. */
export function toDot(diagram: Diagram): string {
  return [
    `digraph ${q(diagram.title)} {`,
    `  graph [rankdir=LR, newrank=true, ordering=out, nodesep=0.25, ranksep=0.7, fontname="${FONT}", fontsize=12, label=<<b>${html(diagram.title)}</b><br/><font point-size="10">${html(diagram.legend)}</font>>, labelloc=t, pad=0.3];`,
    `  node [fontname="${FONT}", fontsize=11, style="rounded,filled", color="#555555", margin="0.22,0.06"];`,
    `  edge [fontname="${FONT}", color="#444444", arrowsize=0.7];`,
    ...diagram.clusters.flatMap((c) => cluster(c, "  ")),
    ...diagram.edges.map(edge),
    "}",
    "",
  ].join("\n");
}
