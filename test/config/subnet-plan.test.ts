import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contains, overlaps, parseCidr } from "../../src/net/cidr.js";
import { FIREWALL_SUBNET_PREFIX_LENGTH, MAX_AZ_COUNT, planSubnets } from "../../src/config/subnet-plan.js";
import { SUBNET_TIERS } from "../../src/config/schema/index.js";

const DEFAULTS = { public: 24, privateApp: 20, privateData: 23, transit: 28 };

describe("subnet plan", () => {
  it("lays out tiers largest first, aligned, with space for three AZs", () => {
    const r = planSubnets("10.30.0.0/16", DEFAULTS, 3);
    expect(r.fits && r.plan).toEqual({
      privateApp: ["10.30.0.0/20", "10.30.16.0/20", "10.30.32.0/20"],
      privateData: ["10.30.48.0/23", "10.30.50.0/23", "10.30.52.0/23"],
      public: ["10.30.54.0/24", "10.30.55.0/24", "10.30.56.0/24"],
      transit: ["10.30.57.0/28", "10.30.57.16/28", "10.30.57.32/28"],
    });
  });

  it("keeps every existing subnet where it is when an AZ is added", () => {
    const two = planSubnets("10.10.0.0/16", DEFAULTS, 2);
    const three = planSubnets("10.10.0.0/16", DEFAULTS, 3);
    if (!two.fits || !three.fits) throw new Error("plan should fit");
    for (const tier of SUBNET_TIERS) expect(three.plan[tier].slice(0, 2)).toEqual(two.plan[tier]);
  });

  it("adds the firewall tier (a /28 per AZ slot) after every other tier, only when asked", () => {
    const plain = planSubnets("10.30.0.0/16", DEFAULTS, 3);
    const withFirewall = planSubnets("10.30.0.0/16", DEFAULTS, 3, { firewall: true });
    if (!plain.fits || !withFirewall.fits) throw new Error("plan should fit");
    expect(plain.plan.firewall).toBeUndefined();
    expect(Object.keys(plain.plan)).toEqual(["privateApp", "privateData", "public", "transit"]);
    expect(withFirewall.plan.firewall).toEqual(["10.30.57.48/28", "10.30.57.64/28", "10.30.57.80/28"]);
    const { firewall, ...rest } = withFirewall.plan;
    expect(firewall).toHaveLength(3);
    expect(rest).toEqual(plain.plan);
  });

  it("counts the firewall tier when the plan does not fit", () => {
    const sizes = { public: 25, privateApp: 25, privateData: 26, transit: 28 }; // 1008 of 1024 addresses
    expect(planSubnets("10.0.0.0/22", sizes, 3).fits).toBe(true);
    expect(planSubnets("10.0.0.0/22", sizes, 3, { firewall: true })).toEqual({
      fits: false,
      neededAddresses: 1056n,
      availableAddresses: 1024n,
      smallestPrefixLength: 21,
    });
  });

  it("says how large the VPC must be when the plan does not fit", () => {
    expect(planSubnets("10.0.0.0/20", DEFAULTS, 2)).toEqual({
      fits: false,
      neededAddresses: 14640n,
      availableAddresses: 4096n,
      smallestPrefixLength: 18,
    });
  });

  it("never overlaps, and stays inside the VPC, for any sizes that fit, with or without the firewall tier", () => {
    const prefix = fc.integer({ min: 16, max: 28 });
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 24 }),
        prefix,
        prefix,
        prefix,
        prefix,
        fc.integer({ min: 1, max: MAX_AZ_COUNT }),
        fc.boolean(),
        (vpcLen, a, b, c, d, azs, firewall) => {
          const vpc = `10.0.0.0/${vpcLen}`;
          const r = planSubnets(vpc, { public: a, privateApp: b, privateData: c, transit: d }, azs, { firewall });
          if (!r.fits) return;
          const all = Object.values(r.plan).flat().map(parseCidr);
          expect(all).toHaveLength((firewall ? 5 : 4) * azs);
          if (firewall)
            expect(r.plan.firewall!.map((f) => parseCidr(f).prefixLength)).toEqual(Array(azs).fill(FIREWALL_SUBNET_PREFIX_LENGTH));
          for (const s of all) {
            expect(s.network).toBe(s.text);
            expect(contains(parseCidr(vpc), s)).toBe(true);
          }
          for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlaps(all[i]!, all[j]!)).toBe(false);
        },
      ),
    );
  });

  it("never moves another tier when the firewall tier is added", () => {
    const prefix = fc.integer({ min: 16, max: 28 });
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 24 }),
        prefix,
        prefix,
        prefix,
        prefix,
        fc.integer({ min: 1, max: MAX_AZ_COUNT }),
        (vpcLen, a, b, c, d, azs) => {
          const sizes = { public: a, privateApp: b, privateData: c, transit: d };
          const withFirewall = planSubnets(`10.0.0.0/${vpcLen}`, sizes, azs, { firewall: true });
          if (!withFirewall.fits) return;
          const plain = planSubnets(`10.0.0.0/${vpcLen}`, sizes, azs);
          if (!plain.fits) throw new Error("a plan that fits with the firewall tier fits without it");
          for (const tier of SUBNET_TIERS) expect(withFirewall.plan[tier]).toEqual(plain.plan[tier]);
        },
      ),
    );
  });
});
