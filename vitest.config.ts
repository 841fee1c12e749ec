import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Synthesis and the real Terraform checks are CPU-heavy; the machine has 2 cores.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    reporters: ["default"],
  },
});
