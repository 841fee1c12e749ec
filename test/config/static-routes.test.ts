import { afterAll, describe, expect, it } from "vitest";
import { cleanupConfigDirs, problemsOf, replace, referenceWith } from "../support/config-dir.js";

afterAll(cleanupConfigDirs);

/** The shipped shared.yaml with `routes` (YAML flow mappings) as routing.staticRoutes. */
const withStaticRoutes = (...routes: string[]) =>
  referenceWith({
    "shared.yaml": replace("routing:\n  intents:", `routing:\n  staticRoutes:\n${routes.map((r) => `    - ${r}\n`).join("")}  intents:`),
  });

describe("static routes against each other and the routing plan", () => {
  it("rejects a second static route with the same table and destination, on the later one", () => {
    const dir = withStaticRoutes(
      "{ routeTable: nonprod, destinationCidr: 10.99.0.0/16, target: blackhole }",
      "{ routeTable: prod, destinationCidr: 10.99.0.0/16, target: blackhole }",
      "{ routeTable: nonprod, destinationCidr: 10.99.0.0/16, target: blackhole }",
    );
    expect(problemsOf(dir)).toEqual([
      "<dir>/shared.yaml:84:47 routing.staticRoutes[2].destinationCidr: routing.staticRoutes[0] already routes 10.99.0.0/16 in the nonprod table, and a TGW route table holds one static route per destination. Remove one of the two entries.",
    ]);
  });

  it("rejects static routes the plan already makes (central inspection's default route and inspected VPC CIDR), each on its destination", () => {
    const dir = withStaticRoutes(
      "{ routeTable: prod, destinationCidr: 0.0.0.0/0, target: blackhole }",
      "{ routeTable: nonprod, destinationCidr: 0.0.0.0/0, target: blackhole }",
      "{ routeTable: onprem, destinationCidr: 10.30.0.0/16, target: blackhole }",
    );
    expect(problemsOf(dir)).toEqual([
      "<dir>/shared.yaml:82:44 routing.staticRoutes[0].destinationCidr: the routing plan already routes 0.0.0.0/0 in the prod table, to the inspection VPC (central inspection), and a TGW route table holds one static route per destination. Remove this entry.",
      "<dir>/shared.yaml:84:46 routing.staticRoutes[2].destinationCidr: the routing plan already routes 10.30.0.0/16 in the onprem table, to the inspection VPC (central inspection), and a TGW route table holds one static route per destination. Remove this entry.",
    ]);
  });
});
