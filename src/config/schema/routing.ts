/**
 * `routing:` in shared.yaml: extra static transit gateway routes and the routing intents. src/config/validate/routing.ts
 * checks that they refer to things that exist; whether each intent holds is proven after loading
 * (`validateLandingZone` in src/landing-zone.ts).
 */
import { z } from "zod";
import { Ipv4Cidr } from "./common.js";

/**
 * Names of injected failures: `directconnect-down` (every transit VIF), `vpn-tunnel-1-down`, `vpn-tunnel-2-down`
 * (the single vpn), `az-a-down` … `az-c-down`; with the plural links, `directconnect-<name>-down`,
 * `dx-location-<code>-down`, `vpn-<name>-down`, `vpn-<name>-tunnel-1-down`, `vpn-<name>-tunnel-2-down`.
 */
export const FAILURE_NAME =
  /^(directconnect-down|directconnect-[a-z0-9-]+-down|dx-location-[A-Za-z0-9]+-down|vpn-tunnel-[12]-down|vpn-[a-z0-9-]+-down|az-[abc]-down)$/;
const FAILURE_HINT =
  "Write directconnect-down, directconnect-<name>-down, dx-location-<code>-down, vpn-tunnel-1-down, vpn-tunnel-2-down, vpn-<name>-down, vpn-<name>-tunnel-<1|2>-down or az-<a|b|c>-down.";

/** A path waypoint an intent may require. */
export const Waypoint = z.enum(["directconnect", "vpn", "inspection"], { error: "Write directconnect, vpn or inspection." });

/** What an intent expects: `denied`, `reached` (both ways, any path), or `{ via: … }` (every listed waypoint on the path, both ways). */
export const IntentExpectation = z.union(
  [
    z.literal("denied"),
    z.literal("reached").meta({ description: "Reached both ways, whatever the path crosses (no waypoint required)." }),
    z.strictObject({
      via: z.union([Waypoint, z.array(Waypoint).min(1)]).meta({ description: "Waypoint(s) the path must cross, forward and back." }),
    }),
  ],
  { error: "Write denied, reached, or via: directconnect | vpn | inspection (or a list of them)." },
);

const LOCATION =
  /^(onprem(:(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})?|internet|[a-z][a-z0-9-]*\/(public|privateApp|privateData)(\/[abc])?|(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})$/;
const LOCATION_HINT =
  "Write onprem, onprem:<ip>, <env>/<tier>[/<az a|b|c>], an IP address inside a VPC, or internet (as from: only toward a public subnet).";

/** A routing intent, checked by the verifier in the normal state and under every injected failure. */
export const RoutingIntent = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,62}$/, { error: "Write a short lowercase name, a-z 0-9 -, for example onprem-to-prod-app." })
      .meta({ description: "Name shown in the report and in errors." }),
    from: z
      .string()
      .regex(LOCATION, { error: LOCATION_HINT })
      .meta({ description: `Source. ${LOCATION_HINT}` }),
    to: z
      .string()
      .regex(LOCATION, { error: LOCATION_HINT })
      .meta({ description: `Destination. ${LOCATION_HINT}` }),
    through: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, { error: "Write the name of an environment, for example shared." })
      .optional()
      .meta({
        description:
          "An environment whose VPC the packet is relayed through (only with expect: denied): the verifier also walks the packet from where the transit gateway hands it to that VPC (its transit subnets, every AZ), with from's address as source, and requires that it goes no further, for example prod → shared → nonprod. @default no relay",
      }),
    expect: IntentExpectation.meta({ description: "Expected outcome in the normal state, and under failures not listed in failures." }),
    failures: z
      .record(z.string().regex(FAILURE_NAME, { error: FAILURE_HINT }), IntentExpectation)
      .default({})
      .meta({ description: "Expected outcome under a given failure, when it differs from expect. @default {}" }),
  })
  .meta({ description: "A routing intent: from, to, and what is expected." });

/** A static transit gateway route written in the config. */
export const StaticRouteSettings = z
  .strictObject({
    routeTable: z
      .enum(["prod", "nonprod", "onprem"], { error: "Write prod, nonprod or onprem." })
      .meta({ description: "Transit gateway route table (segment)." }),
    destinationCidr: Ipv4Cidr,
    target: z
      .enum(["vpn", "blackhole"], { error: "Write vpn or blackhole." })
      .meta({ description: "vpn: the VPN attachment (not allowed with Direct Connect); blackhole: drop." }),
  })
  .meta({ description: "A static TGW route. Static routes beat every propagated route of the same prefix." });

/** Routing: extra static routes and the intents the verifier proves. */
export const RoutingSettings = z
  .strictObject({
    staticRoutes: z.array(StaticRouteSettings).default([]).meta({ description: "Extra static TGW routes. @default []" }),
    intents: z
      .array(RoutingIntent)
      .default([])
      .meta({ description: "Routing intents proven by lz routes, lz validate and synth. @default []" }),
  })
  .meta({ description: "Routing intents and extra static routes." });

/** A routing intent as parsed. */
export type RoutingIntentSettings = z.output<typeof RoutingIntent>;
