import { describe, expect, it } from "vitest";
import { LANDING_ZONE_PACK, SynthStack, type PolicyRule } from "../../src/policy/index.js";
import { RULE_CASES } from "./fixtures.js";

describe.each(LANDING_ZONE_PACK.map((rule) => [rule.id, rule] as const))("rule %s", (id, rule: PolicyRule) => {
  const cases = RULE_CASES[id] ?? [];

  it("has at least one compliant and one non-compliant case", () => {
    expect(cases.some((c) => c.expect === "compliant")).toBe(true);
    expect(cases.some((c) => c.expect === "non-compliant")).toBe(true);
  });

  it.each(cases.map((c) => [c.name, c] as const))("judges %s", (_name, c) => {
    const stack = new SynthStack("test", c.json, c.facts);
    const resource = stack.get(c.address);
    expect(resource, `fixture has no ${c.address}`).toBeDefined();
    const outcome = rule.resourceTypes.includes(resource!.type) ? rule.check(resource!, stack) : { status: "not-applicable" as const };
    expect(outcome.status).toBe(c.expect);
    if (c.message) expect(outcome.status === "non-compliant" ? outcome.message : "").toContain(c.message);
  });
});

describe("the pack", () => {
  it("gives every rule a unique LZ-<AREA><N> id, a title, a rationale and at least one source", () => {
    const ids = LANDING_ZONE_PACK.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of LANDING_ZONE_PACK) {
      expect(r.id).toMatch(/^LZ-[A-Z]+\d+$/);
      expect(r.title.length).toBeGreaterThan(10);
      expect(r.rationale.length).toBeGreaterThan(10);
      expect(r.sources.length).toBeGreaterThan(0);
    }
  });

  it("has a test case list for every rule and no cases for unknown rules", () => {
    expect(Object.keys(RULE_CASES).sort()).toEqual(LANDING_ZONE_PACK.map((r) => r.id).sort());
  });
});
