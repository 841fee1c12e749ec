#!/usr/bin/env node
/**
 * The `lz` command (package.json "bin"): bundles src/cli/main.ts with esbuild and runs it in this plain
 * node process (see bin/bundle-run.mjs). Arguments are passed through: `lz --help`.
 */
import { bundleAndRun } from "./bundle-run.mjs";

bundleAndRun("src/cli/main.ts", "lz");
