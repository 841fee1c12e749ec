import { afterAll, describe, expect, it } from "vitest";
import { cleanupConfigDirs, problemsOf, replace, referenceWith } from "../support/config-dir.js";

afterAll(cleanupConfigDirs);

describe("inspection across environments", () => {
  it("flags the environment of a segment that disagrees with the others on central inspection (a tie goes to the first file)", () => {
    const dir = referenceWith({
      "dev.yaml": (t) => `${replace("  natGateways: single\n", "")(t)}inspection: central\n`,
      "prod.yaml": replace("segment: prod", "segment: nonprod"),
    });
    expect(problemsOf(dir)).toEqual([
      "<dir>/test.yaml:4:1 inspection: test uses inspection none, but dev, prod in the same nonprod segment use central inspection. The nonprod TGW route table sends test's on-prem traffic through the inspection VPC while on-prem reaches test directly, so the stateful firewall would see one direction of each flow. Write inspection: central.",
    ]);
  });

  it("flags a central environment in a segment whose first environment is not centrally inspected, naming its mode", () => {
    const dir = referenceWith({
      "test.yaml": (t) => `${replace("  natGateways: single\n", "")(t)}inspection: central\n`,
      "prod.yaml": (t) => replace("inspection: central", "inspection: none")(replace("natGateways: none", "natGateways: one-per-az")(t)),
    });
    expect(problemsOf(dir)).toEqual([
      "<dir>/test.yaml:59:13 inspection: test uses inspection central, but dev (none) in the same nonprod segment does not. Central inspection sends the nonprod TGW route table's on-prem traffic through the inspection VPC while on-prem reaches dev directly, so the stateful firewall would see one direction of their flows. Write inspection: none, or central in every nonprod environment.",
    ]);
  });

  it("accepts per-vpc and none side by side in one segment (they route alike on the transit gateway)", () => {
    const dir = referenceWith({ "test.yaml": (t) => `${t}inspection: per-vpc\n` });
    expect(() => problemsOf(dir)).toThrow(/expected .* to be rejected, but it loaded/);
  });

  it("rejects an inspection VPC with fewer AZs than a centrally inspected VPC, on its azCount", () => {
    const dir = referenceWith({ "shared.yaml": replace("      azCount: 3", "      azCount: 2") });
    expect(problemsOf(dir)).toEqual([
      "<dir>/shared.yaml:72:16 networkHub.hybrid.inspection.azCount: the inspection VPC has firewall endpoints in 2 AZs, but prod (3 AZs) is centrally inspected; the flows of AZ c would always cross to another AZ's endpoint (inter-AZ charges, and an outage of that AZ's endpoint reaches AZ c). Write azCount: 3, or vpc.azCount: 2 in prod.yaml.",
    ]);
  });
});
