/**
 * AWS Fargate task sizes: which memory values Fargate runs with each task CPU value (Linux tasks).
 *
 * Sources, checked 2026-11:
 * - "Amazon ECS task definition differences for Fargate", section "Task CPU and memory"
 *   ({@link FARGATE_SIZES_DOC});
 * - "Troubleshoot Amazon ECS task definition invalid CPU or memory errors"
 *   (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html), the same table, and
 *   the error a wrong pair gets at apply time: "No Fargate configuration exists for given values".
 *
 * 8192 and 16384 CPU units need Linux platform version 1.4.0 or later; the services run on `LATEST`
 * (src/modules/containers/fargate-service.ts), so every row applies. The table is the same in every Region
 * that offers Fargate. Neutral data: no cdktf, no config.
 */

/** Fargate documentation page with the cpu/memory table that {@link FARGATE_MEMORY_MIB} encodes. */
export const FARGATE_SIZES_DOC =
  "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size";

/** `from`, `from + step`, ... `to` (inclusive). */
const range = (from: number, to: number, step: number): readonly number[] =>
  Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);

/**
 * Task sizes Fargate accepts (Linux): CPU units (1024 = 1 vCPU) → the memory values allowed with it, in MiB,
 * ascending. From {@link FARGATE_SIZES_DOC}.
 */
export const FARGATE_MEMORY_MIB: Readonly<Record<number, readonly number[]>> = Object.freeze({
  256: [512, 1024, 2048],
  512: range(1024, 4096, 1024),
  1024: range(2048, 8192, 1024),
  2048: range(4096, 16384, 1024),
  4096: range(8192, 30720, 1024),
  8192: range(16384, 61440, 4096),
  16384: range(32768, 122880, 8192),
});

/** The CPU values of {@link FARGATE_MEMORY_MIB}, ascending. */
export const FARGATE_CPU_UNITS: readonly number[] = Object.keys(FARGATE_MEMORY_MIB)
  .map(Number)
  .sort((a, b) => a - b);

/**
 * The memory values (MiB) Fargate runs with `cpu` units, or `undefined` when Fargate has no such CPU value.
 */
export function fargateMemoryFor(cpu: number): readonly number[] | undefined {
  return FARGATE_MEMORY_MIB[cpu];
}
