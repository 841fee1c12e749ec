/**
 * A deployable landing zone: the config loaded by src/config (stages 1 and 2: shape, then meaning across files)
 * and then the checks that need the built model and other layers, today that every routing intent holds
 * (src/routing/intents-check.ts), that no static route repeats one the routing plan makes
 * (src/routing/static-routes-check.ts), and that on-prem prefers Direct Connect over the VPN for every VPC range
 * (src/routing/onprem-preference-check.ts). src/config stays a parser and validator of YAML; this file composes it with
 * the routing verifier. Every command that synthesizes or reports on the landing zone loads it through
 * {@link loadLandingZone}; `lz routes` loads the config alone and prints its own intent report.
 */
import {
  ConfigError,
  DEFAULT_CONFIG_DIR,
  loadConfigWithSources,
  type ConfigSources,
  type LandingZoneModel,
  type LoadedConfig,
} from "./config/index.js";
import { intentProblems } from "./routing/intents-check.js";
import { onPremPreferenceProblems } from "./routing/onprem-preference-check.js";
import { onPremisesReachProblems } from "./routing/onprem-reach.js";
import { staticRouteProblems } from "./routing/static-routes-check.js";

/**
 * Checks a loaded config beyond its files: no entry of `routing.staticRoutes` repeats a static route of the
 * routing plan; on-prem prefers Direct Connect over the VPN for every VPC range while Direct Connect is up
 * (src/routing/onprem-preference.ts); every routing intent holds, normally and under every injected failure; and
 * on-prem reaches no tier its environment's `onPremisesAccess` does not admit. Call after
 * `loadConfig`/`loadConfigWithSources` succeeded.
 * @param model the model `loadConfigWithSources` built.
 * @param sources the files it was built from: problems are located in them.
 * @throws ConfigError with one problem per static route the plan already makes (`file:line:col
 *   routing.staticRoutes[i].destinationCidr: the routing plan already routes …`), then one per VPN route on-prem
 *   would prefer over Direct Connect (`file:line:col networkHub.hybrid.directConnect.allowedPrefixes: the VPN
 *   advertises …`), then one per violated intent, each as `file:line:col routing.intents[i].expect: intent <name>
 *   is violated …` naming the scenario and the hop, then one per environment that on-prem reaches beyond its
 *   `onPremisesAccess` (src/routing/onprem-reach.ts).
 */
export function validateLandingZone(model: LandingZoneModel, sources: ConfigSources): void {
  const problems = [
    ...staticRouteProblems(model, sources.shared),
    ...onPremPreferenceProblems(model, sources.shared),
    ...intentProblems(model, sources.shared),
    ...onPremisesReachProblems(model, sources.environments),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
}

/**
 * Loads the config in `dir` and runs {@link validateLandingZone} on it: the model every stack, the pipeline
 * matrix, the diagram and the cost estimate are built from.
 * @param dir config folder. @default "environments"
 * @throws ConfigError listing the config's problems; when there are none, the violated intents.
 */
export function loadLandingZone(dir: string = DEFAULT_CONFIG_DIR): LandingZoneModel {
  return loadLandingZoneWithSources(dir).model;
}

/**
 * {@link loadLandingZone}, also returning the parsed files, so a later check (the policy pack in `lz validate`)
 * can locate its problems in them.
 * @param dir config folder. @default "environments"
 * @throws ConfigError as {@link loadLandingZone}.
 */
export function loadLandingZoneWithSources(dir: string = DEFAULT_CONFIG_DIR): LoadedConfig {
  const loaded = loadConfigWithSources(dir);
  validateLandingZone(loaded.model, loaded.sources);
  return loaded;
}
