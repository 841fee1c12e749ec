/**
 * AWS type names in the app tier: every name the config hands to an AWS API must exist there, so a typo is a
 * config error with a "did you mean" rather than a failed `terraform apply`.
 *
 * - `app.database.instanceClass` is an instance class of the database engine (RDS for MySQL or PostgreSQL, Aurora
 *   MySQL or PostgreSQL), from src/aws/rds-instance-classes.ts; it is also the class of every read replica or reader;
 * - a pinned `app.database.engineVersion` (`8.4.x` or `8.0.x`) is not older than the oldest minor version RDS still offers
 *   (src/aws/rds-engine-versions.ts);
 * - `app.cache.nodeType` is an ElastiCache node type a new Redis OSS cluster may use: not a previous-generation
 *   type (with its current equivalent), not an r6gd type (needs data tiering), not a typo
 *   (src/aws/elasticache-node-types.ts);
 * - each service's `cpu`/`memoryMiB` is a pair Fargate runs (src/aws/fargate.ts); the shape check has already
 *   made `cpu` one of Fargate's CPU values. Checked here rather than in the schema so that a wrong pair and,
 *   say, a misspelled instance class in the same file are reported in one run.
 *
 * Region availability is not checked (see the table files for why); the messages cite the AWS pages.
 */
import { ec2InstanceTypeProblem } from "../../aws/ec2-instance-types.js";
import {
  CACHE_ENGINE_LABEL,
  type CacheEngine,
  cacheNodeType,
  currentCacheNodeTypes,
  currentEquivalent,
  ELASTICACHE_DATA_TIERING_DOC,
  ELASTICACHE_NODE_TYPES_DOC,
} from "../../aws/elasticache-node-types.js";
import { FARGATE_SIZES_DOC, fargateMemoryFor } from "../../aws/fargate.js";
import { deprecatedMinorVersion, RDS_MYSQL_VERSIONS_DOC } from "../../aws/rds-engine-versions.js";
import {
  instanceClassDocOf,
  isRdsInstanceClass,
  RDS_ENGINE_LABEL,
  type RdsEngine,
  rdsInstanceClasses,
  rdsInstanceFamilyOf,
} from "../../aws/rds-instance-classes.js";
import { RDS_ENGINE_OF } from "../app-model.js";
import { closest, orList, type Problem } from "../problems.js";
import type { Validator } from "./context.js";

/** What is wrong with an RDS instance class, or `undefined` when RDS offers it for the engine. */
export function instanceClassProblem(engine: RdsEngine, instanceClass: string): string | undefined {
  if (isRdsInstanceClass(engine, instanceClass)) return undefined;
  const what = `${instanceClass} is not an ${RDS_ENGINE_LABEL[engine]} instance class.`;
  const guess = closest(instanceClass, rdsInstanceClasses(engine));
  if (guess) return `${what} Did you mean ${guess}?`;
  const family = rdsInstanceFamilyOf(engine, instanceClass);
  if (family) return `${what} Write one of the ${family.family} sizes: ${orList(family.sizes.map((s) => `${family.family}.${s}`))}.`;
  const examples = engine.startsWith("aurora")
    ? "db.t4g.medium, db.r7g.large or db.r8g.large"
    : "db.t4g.micro, db.m7g.large or db.r7g.large";
  return `${what} Write a class from ${instanceClassDocOf(engine)}, for example ${examples}.`;
}

/** What is wrong with an ElastiCache node type, or `undefined` when a new cluster of the engine may use it. */
export function nodeTypeProblem(engine: CacheEngine, nodeType: string): string | undefined {
  const info = cacheNodeType(engine, nodeType);
  if (info?.family.status === "current") return undefined;
  if (info?.family.status === "previous") {
    return `${nodeType} is a previous-generation node type: ElastiCache no longer creates clusters with it (${ELASTICACHE_NODE_TYPES_DOC}). Write ${currentEquivalent(engine, info)} or another current node type.`;
  }
  if (info?.family.status === "data-tiering") {
    return `${nodeType} needs data tiering (DataTieringEnabled must be true for r6gd nodes, ${ELASTICACHE_DATA_TIERING_DOC}), which the app cache does not turn on. Write an r7g or r6g node type, for example cache.r7g.${info.size}.`;
  }
  const what = `${nodeType} is not an ${CACHE_ENGINE_LABEL[engine]} node type.`;
  const guess = closest(nodeType, currentCacheNodeTypes(engine));
  if (guess) return `${what} Did you mean ${guess}?`;
  return `${what} Write a current node type from ${ELASTICACHE_NODE_TYPES_DOC}, for example cache.t4g.micro, cache.m7g.large or cache.r7g.large.`;
}

/** What is wrong with a Fargate task size, or `undefined` when Fargate runs it (or `cpu` is unknown: the schema reports that). */
export function fargateSizeProblem(cpu: number, memoryMiB: number): string | undefined {
  const allowed = fargateMemoryFor(cpu);
  if (!allowed || allowed.includes(memoryMiB)) return undefined;
  return `Fargate does not run ${cpu} CPU units with ${memoryMiB} MiB. Write memoryMiB: ${orList(allowed)} for cpu: ${cpu} (${FARGATE_SIZES_DOC}).`;
}

/** @see Validator */
export const validateAwsTypes: Validator = (config) => {
  const problems: Problem[] = [];
  for (const env of config.environments) {
    const app = env.value.app;
    if (!app) continue;
    const at = (path: readonly PropertyKey[], message: string | undefined) => {
      if (message) problems.push(env.source.problem(["app", ...path], message));
    };
    const db = app.database;
    if (db) at(["database", "instanceClass"], instanceClassProblem(RDS_ENGINE_OF[db.engine], db.instanceClass));
    const old = db?.engineVersion === undefined ? undefined : deprecatedMinorVersion(RDS_ENGINE_OF[db.engine], db.engineVersion);
    if (db && old) {
      at(
        ["database", "engineVersion"],
        `RDS no longer creates MySQL ${db.engineVersion} instances: the oldest ${old.major} minor version it offers is ${old.oldestOffered} (${RDS_MYSQL_VERSIONS_DOC}). Write engineVersion: "${old.major}" (the newest minor, upgraded automatically) or "${old.oldestOffered}" or later.`,
      );
    }
    if (app.cache) at(["cache", "nodeType"], nodeTypeProblem(app.cache.engine, app.cache.nodeType));
    for (const [i, s] of app.services.entries()) {
      if (s.compute === undefined) at(["services", i, "memoryMiB"], fargateSizeProblem(s.cpu, s.memoryMiB));
      if (s.compute === "ec2-asg") at(["services", i, "instanceType"], ec2InstanceTypeProblem(s.instanceType));
    }
  }
  return problems;
};
