import { describe, expect, it } from "vitest";
import { PRICE_TABLES, priceTableFor, PriceLookupError, type PriceEntry, type PriceTable } from "../../src/cost/index.js";

/** Every entry of a table with its dotted name. */
function entries(table: PriceTable): [string, PriceEntry][] {
  const out: [string, PriceEntry][] = [];
  for (const [key, value] of Object.entries(table)) {
    if (typeof value !== "object") continue;
    if ("usd" in value) out.push([key, value as PriceEntry]);
    else for (const [k, v] of Object.entries(value as Record<string, PriceEntry>)) out.push([`${key}.${k}`, v]);
  }
  return out;
}

describe("price tables", () => {
  it.each(Object.values(PRICE_TABLES))(
    "$region: USD, dated, and every entry priced with its AWS pricing page and a note on its origin",
    (table) => {
      expect(table.currency).toBe("USD");
      expect(table.retrievedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const [name, e] of entries(table)) {
        expect(e.usd, name).toBeGreaterThan(0);
        expect(e.source, name).toMatch(/^https:\/\/aws\.amazon\.com\/[a-z0-9/-]+\/pricing\/$/);
        expect(e.note, name).toMatch(/list price as of 2025, verify|reference design's pay-as-you-go table/);
      }
    },
  );

  it("has the same entries, instance classes and node types in every Region", () => {
    const [first, ...rest] = Object.values(PRICE_TABLES).map((t) => entries(t).map(([n]) => n));
    for (const names of rest) expect(names).toEqual(first);
  });

  it("throws for a Region without a table, naming the Regions that have one", () => {
    expect(() => priceTableFor("ap-south-1")).toThrow(
      new PriceLookupError(
        "no price table for Region ap-south-1. Price tables exist for: eu-west-1, us-east-1. Add src/cost/prices/ap-south-1.ts (copy eu-west-1.ts) and list it in src/cost/prices/index.ts.",
      ),
    );
  });
});
