/**
 * DOT to SVG with Graphviz compiled to WebAssembly (`@hpcc-js/wasm-graphviz`): no native install. The package
 * is imported when first needed, so commands that draw nothing never load it. For a given Graphviz build
 * (pinned in package.json) the same DOT gives the same SVG.
 */

/** Renders `dot` to an SVG document with the `dot` layout engine. Throws Graphviz's message on invalid DOT. */
export async function dotToSvg(dot: string): Promise<string> {
  const { Graphviz } = await import("@hpcc-js/wasm-graphviz");
  const graphviz = await Graphviz.load();
  return graphviz.layout(dot, "svg", "dot");
}
