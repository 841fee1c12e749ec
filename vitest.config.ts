import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One scratch folder for the run, removed at its end (whole-config syntheses shared per worker live there).
    globalSetup: ["test/support/global-setup.ts"],
    // Synthesis and the real Terraform checks are CPU-heavy; the machine has 2 cores.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    reporters: ["default"],
    // Two workers on two cores (vitest's default is cores - 1, so one): many tests wait on a child process
    // (node bin/lz.mjs, terraform), and the real-Terraform file, started first as the slowest, runs beside the rest.
    maxWorkers: 2,
    minWorkers: 1,
    // A worker keeps its modules from one test file to the next instead of importing cdktf, the provider classes
    // and src/ again for every file (about half of the collection time), and test/support/shared-synthesis.ts
    // keeps one synthesis of the shipped config per worker. Files still run one after the other in a worker, and
    // no test changes global state without restoring it (test/app.test.ts restores LZ_STACK_TRACES).
    isolate: false,
  },
});
