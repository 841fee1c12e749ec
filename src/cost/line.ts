/** One priced line of an estimate, and the helpers the pricing functions share. */
import type { PriceEntry } from "./prices/types.js";

/** One component of an account's monthly cost: what is billed, why, and how much. */
export interface CostLine {
  /** Stable id, the same in every account, used to compare accounts (`nat-gateway-hours`). */
  readonly key: string;
  /** What is billed, for the table (`NAT gateway hours`). */
  readonly component: string;
  /** The quantity in words: counts, the config choice behind them, hours or usage (`3 gateways (one-per-az, 3 AZs) × 730 h`). */
  readonly driver: string;
  /** Billed units in the month (`2190` NAT gateway-hours); `monthlyUsd = round2(quantity × unitUsd)`. */
  readonly quantity: number;
  /** Price of one unit in USD. */
  readonly unitUsd: number;
  /** What one unit is (`NAT gateway-hour`). */
  readonly unit: string;
  /** Monthly cost in USD, rounded to cents. */
  readonly monthlyUsd: number;
  /** The AWS pricing page of the price. */
  readonly source: string;
  /**
   * Set when the price table has no price for this line (a valid instance class or node type it does not list): why,
   * and where to add the price. `unitUsd` and `monthlyUsd` are then 0 and every total excludes the line.
   * @default the line is priced
   */
  readonly unpriced?: string;
}

/** `value` rounded to cents (half away from zero, free of binary noise such as 0.1 + 0.2). */
export const round2 = (value: number): number => Math.round((value + Math.sign(value) * Number.EPSILON) * 100) / 100;

/** A line of `quantity` units at `price`. */
export function line(key: string, component: string, driver: string, quantity: number, price: PriceEntry): CostLine {
  return {
    key,
    component,
    driver,
    quantity,
    unitUsd: price.usd,
    unit: price.unit,
    monthlyUsd: round2(quantity * price.usd),
    source: price.source,
  };
}

/**
 * A line the price table cannot price: `quantity` units of `unit`, 0 USD, with `reason` (what has no price, where to
 * add it). See {@link CostLine.unpriced}.
 */
export function unpricedLine(
  key: string,
  component: string,
  driver: string,
  quantity: number,
  unit: string,
  source: string,
  reason: string,
): CostLine {
  return { key, component, driver, quantity, unitUsd: 0, unit, monthlyUsd: 0, source, unpriced: reason };
}

/** `n` and the noun, plural unless n is 1: `3 gateways`. */
export const count = (n: number, singular: string, plural = `${singular}s`): string => `${fmt(n)} ${n === 1 ? singular : plural}`;

/** A number with thousands separators and at most 3 decimals: `10,000,000`, `0.5`. */
export const fmt = (n: number): string => n.toLocaleString("en-US", { maximumFractionDigits: 3 });
