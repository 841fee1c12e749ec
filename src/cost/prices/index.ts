/** The price tables, one per Region, and the lookup that names the Regions it has. */
import { EU_WEST_1 } from "./eu-west-1.js";
import type { PriceTable } from "./types.js";
import { US_EAST_1 } from "./us-east-1.js";

export * from "./types.js";
export { PRICING_PAGES } from "./sources.js";

/** Every price table, by Region. To add a Region, copy `eu-west-1.ts`, change the figures and list it here. */
export const PRICE_TABLES: Readonly<Record<string, PriceTable>> = { [EU_WEST_1.region]: EU_WEST_1, [US_EAST_1.region]: US_EAST_1 };

/** A price the tables lack: an unknown Region, instance class or node type. The message names what they have. */
export class PriceLookupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PriceLookupError";
  }
}

/**
 * The price table of `region`.
 * @throws PriceLookupError when there is none, naming the Regions that have one.
 */
export function priceTableFor(region: string): PriceTable {
  const table = PRICE_TABLES[region];
  if (!table) {
    throw new PriceLookupError(
      `no price table for Region ${region}. Price tables exist for: ${Object.keys(PRICE_TABLES).sort().join(", ")}. Add src/cost/prices/${region}.ts (copy eu-west-1.ts) and list it in src/cost/prices/index.ts.`,
    );
  }
  return table;
}
