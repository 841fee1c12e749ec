/**
 * RDS engine versions: per major version, the oldest minor version RDS still lets a new DB instance use.
 *
 * Sources, checked 2026-11:
 * - "MySQL on Amazon RDS versions" ({@link RDS_MYSQL_VERSIONS_DOC}): the supported minor versions and the
 *   "Deprecated versions for Amazon RDS for MySQL" section;
 * - `DescribeDBEngineVersions` with `IncludeAll`, whose `Status` is `deprecated` for MySQL 8.0.11 to 8.0.41 and
 *   8.4.3 to 8.4.4 (as generated into cfn-lint's `engine_version_deprecated.json`, snapshot 2026-08-19; the
 *   offered list of the same snapshot, `engine_version.json`, has 8.0.42 to 8.0.46 and 8.4.5 to 8.4.10).
 *   A deprecated version cannot be used to create a DB instance.
 *
 * 8.4.5 as the 8.4 floor is therefore the API's answer of August 2026, not the documentation page's: the page's
 * minor-version table could not be read in full when checked. It is conservative in the harmless direction: a
 * minor RDS deprecated since (RDS ends standard support of a minor about a year after its release) passes here
 * and is refused by CreateDBInstance at apply time; a version RDS offers is never rejected.
 *
 * Only a floor is kept, not the list of offered minors: RDS deprecates old minors and adds new ones every few
 * months, so a list would start rejecting valid new versions as soon as it aged, while a stale floor only
 * misses versions deprecated since. Versions newer than the newest known one are accepted. Neutral data: no
 * cdktf, no config.
 */
import type { RdsEngine } from "./rds-instance-classes.js";

/** The RDS for MySQL versions page. */
export const RDS_MYSQL_VERSIONS_DOC = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/MySQL.Concepts.VersionMgmt.html";

/** One major version (`8.4`) and the oldest of its minor versions (`5` for 8.4.5) RDS still offers. */
export interface RdsMajorVersion {
  /** `X.Y`, for example `8.4`. */
  readonly major: string;
  /** The `Z` of the oldest `X.Y.Z` RDS offers for new DB instances. */
  readonly oldestOfferedMinor: number;
}

/**
 * Engine → its major versions. MySQL 8.4 (LTS) is the landing zone's default; 8.0 is past RDS standard support
 * (RDS Extended Support, charged per vCPU-hour) but still creatable, so it keeps its floor. The other engines have
 * no floor yet: a pinned minor RDS no longer offers fails at apply time, not in `lz validate`.
 */
export const RDS_MAJOR_VERSIONS: Readonly<Partial<Record<RdsEngine, readonly RdsMajorVersion[]>>> = Object.freeze({
  mysql: [
    { major: "8.0", oldestOfferedMinor: 42 },
    { major: "8.4", oldestOfferedMinor: 5 },
  ],
});

/**
 * When `version` is a pinned `X.Y.Z` older than the oldest minor RDS offers for `X.Y`: the major version and
 * that oldest version (`{ major: "8.0", oldestOffered: "8.0.42" }`). Otherwise `undefined`: a major version
 * alone (`8.0`) means the newest minor and always passes, and an unknown major is left to the schema.
 */
export function deprecatedMinorVersion(
  engine: RdsEngine,
  version: string,
): { readonly major: string; readonly oldestOffered: string } | undefined {
  const m = /^(\d+\.\d+)\.(\d+)$/.exec(version);
  if (!m) return undefined;
  const major = RDS_MAJOR_VERSIONS[engine]?.find((v) => v.major === m[1]);
  if (!major || Number(m[2]) >= major.oldestOfferedMinor) return undefined;
  return { major: major.major, oldestOffered: `${major.major}.${major.oldestOfferedMinor}` };
}

/**
 * The engine version each engine of the app tier gets when the config names none (`app.database.engineVersion`):
 * - `mysql` "8.4": the MySQL LTS major, its newest minor;
 * - `postgres` "17": the newest PostgreSQL major RDS offers, its newest minor
 *   (https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-versions.html);
 * - `aurora-mysql` "8.0": CreateDBCluster's "8.0" picks the default Aurora MySQL version 3 release
 *   (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html, `EngineVersion`);
 * - `aurora-postgresql` "17.7": Aurora PostgreSQL takes a major.minor version; 17.7 is the newest 17 minor the
 *   extension-versions page of the release notes listed when checked (2026-12,
 *   https://docs.aws.amazon.com/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/AuroraPostgreSQL.Extensions.html).
 */
export const DEFAULT_ENGINE_VERSIONS: Readonly<Record<RdsEngine, string>> = Object.freeze({
  mysql: "8.4",
  postgres: "17",
  "aurora-mysql": "8.0",
  "aurora-postgresql": "17.7",
});

/** The parameter group family of an engine version (`mysql8.4`, `postgres17`, `aurora-mysql8.0`, `aurora-postgresql16`). */
export function parameterGroupFamily(engine: RdsEngine, engineVersion: string): string {
  const [major = "", minor = ""] = engineVersion.split(".");
  return engine === "mysql" || engine === "aurora-mysql" ? `${engine}${major}.${minor}` : `${engine}${major}`;
}
