#!/usr/bin/env node
/**
 * Fast entry for `npm run synth` and `cdktf synth` (cdktf.json "app", which adds `--without-bootstrap`): bundles
 * main.ts with esbuild and runs it in this plain node process (see bin/bundle-run.mjs for how and why).
 *
 * Arguments are passed through to main.ts (`--config DIR`, `--without-bootstrap`).
 */
import { bundleAndRun } from "../bin/bundle-run.mjs";

bundleAndRun("main.ts", "main", { bundlePackages: true });
