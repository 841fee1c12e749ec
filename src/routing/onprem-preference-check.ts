/**
 * The on-prem side's preference as a config check: refuses a config in which on-prem would send traffic for a VPC
 * range over the VPN while Direct Connect is up ({@link vpnPreferredRanges}, ./onprem-preference.ts, with the AWS
 * sources), one problem per such VPN route, located at `networkHub.hybrid.directConnect.allowedPrefixes` in
 * shared.yaml (at `directConnect` when allowedPrefixes is left to its default). Runs after `loadConfig`, from
 * `validateLandingZone` (src/landing-zone.ts).
 */
import type { LandingZoneModel, Problem, SourceFile } from "../config/index.js";
import { vpnPreferredRanges } from "./onprem-preference.js";
import { INSPECTION_ATTACHMENT, planRouting, routingInput } from "./plan.js";

/**
 * One problem per route the VPN advertises that on-prem prefers over Direct Connect, for the VPCs on-prem may
 * reach (an environment whose `onPremisesAccess` is none for every tier has no flow to go asymmetric); empty when
 * there is none.
 */
export function onPremPreferenceProblems(model: LandingZoneModel, shared: SourceFile): Problem[] {
  const hybrid = model.networkHub.hybrid;
  const vpn = hybrid?.vpns?.[0];
  if (!hybrid?.directConnect || !vpn) return [];
  const unreachable = model.environments
    .filter((e) => e.onPremisesAccess.privateApp === "none" && e.onPremisesAccess.privateData === "none")
    .map((e) => e.vpc.cidr);
  const ranges = vpnPreferredRanges(planRouting(routingInput(model)), !vpn.staticRoutesOnly, unreachable);
  const dxData = (shared.data as { networkHub?: { hybrid?: { directConnect?: { allowedPrefixes?: unknown } } } }).networkHub?.hybrid
    ?.directConnect;
  const written = dxData?.allowedPrefixes !== undefined;
  const path = ["networkHub", "hybrid", "directConnect", ...(written ? ["allowedPrefixes"] : [])];
  const setting = written ? "allowedPrefixes" : `the default allowedPrefixes (${hybrid.directConnect.allowedPrefixes.join(", ")})`;
  return ranges.map((r) => {
    const what =
      r.target === INSPECTION_ATTACHMENT
        ? `the VPC range ${r.vpnPrefix}, routed through the inspection VPC`
        : `the ${r.target.slice("vpc:".length)} VPC ${r.vpnPrefix}`;
    const length = r.vpnPrefix.split("/")[1];
    const dx =
      r.shorterDirectConnectPrefixes.length > 0
        ? `Direct Connect advertises only the shorter ${r.shorterDirectConnectPrefixes.join(", ")} for it`
        : `no Direct Connect prefix of /${length} or longer covers all of it`;
    return shared.problem(
      path,
      `the VPN advertises ${what} to on-prem, and ${dx} (${setting}). On-prem picks the longest prefix first, so it sends this range over the VPN while Direct Connect is up, and the replies come back over Direct Connect. Add ${r.vpnPrefix} to networkHub.hybrid.directConnect.allowedPrefixes; a summary covers it only if it is a /${length} or longer.`,
    );
  });
}
