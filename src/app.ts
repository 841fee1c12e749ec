/**
 * Synthesis entry: the only place besides `src/accounts/account-stack.ts` that imports the framework's
 * `App`, so a move from cdktf to its fork touches these files alone.
 */
import { App } from "cdktf";
import { BootstrapStack, buildLandingZone } from "./accounts/index.js";
import type { LandingZoneModel } from "./config/index.js";

/**
 * Builds every stack of `model` and writes Terraform JSON to `outdir`
 * (`<outdir>/stacks/<stack>/cdk.tf.json` plus `manifest.json`).
 * @param outdir output folder. @default the CDKTF_OUTDIR set by `cdktf synth`, else "cdktf.out"
 * @returns the stack names: `bootstrap` first when `model.bootstrap` is set (applied by hand, see README
 *   "Day 0"), then the pipeline's stacks in deploy order.
 */
export function synthesize(model: LandingZoneModel, outdir?: string): string[] {
  const app = new App({ ...(outdir ? { outdir } : {}), skipValidation: false });
  const bootstrap = model.bootstrap ? [new BootstrapStack(app, model)] : [];
  const stacks = buildLandingZone(app, model);
  app.synth();
  return [...bootstrap, ...stacks].map((s) => s.node.id);
}
