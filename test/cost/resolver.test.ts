import { afterAll, describe, expect, it } from "vitest";
import { costInputsFromModel } from "../../src/cost/adapters/model.js";
import { resolverEndpointCost } from "../../src/cost/components/network.js";
import { EU_WEST_1 } from "../../src/cost/prices/eu-west-1.js";
import { US_EAST_1 } from "../../src/cost/prices/us-east-1.js";
import { loadConfig } from "../../src/config/index.js";
import { cleanupConfigDirs } from "../support/config-dir.js";
import { dnsConfigDir } from "../support/dns.js";

afterAll(cleanupConfigDirs);

describe("Route 53 Resolver endpoint pricing", () => {
  it("prices every endpoint IP address by the hour and the queries by the million", () => {
    const lines = resolverEndpointCost({ ipAddresses: 6, endpoints: 2, queriesMillionsPerMonth: 10 }, 730, EU_WEST_1);
    // 6 × 730 × 0.125 = 547.50; 10 × 0.40 = 4.00
    expect(lines.map((l) => [l.key, l.quantity, l.monthlyUsd])).toEqual([
      ["resolver-endpoint-hours", 4380, 547.5],
      ["resolver-endpoint-queries", 10, 4],
    ]);
    expect(lines[0]?.driver).toBe("6 IP addresses (one ENI each) over 2 endpoints × 730 h");
    expect(lines[0]?.source).toBe("https://aws.amazon.com/route53/pricing/");
    // Two endpoints of two addresses each (the minimum) in us-east-1: 4 × 730 × 0.125 = 365.00.
    expect(resolverEndpointCost({ ipAddresses: 4, endpoints: 2, queriesMillionsPerMonth: 0 }, 730, US_EAST_1)[0]?.monthlyUsd).toBe(365);
  });

  it("bills the endpoints to the environment that hosts them, and nowhere else", () => {
    const subjects = costInputsFromModel(loadConfig(dnsConfigDir()));
    const withResolver = subjects.filter((s) => s.inputs.resolverEndpoints).map((s) => [s.name, s.inputs.resolverEndpoints]);
    expect(withResolver).toEqual([["prod", { ipAddresses: 6, endpoints: 2, queriesMillionsPerMonth: 10 }]]);
  });
});
