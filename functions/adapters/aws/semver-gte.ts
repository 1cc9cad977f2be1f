// Stands in for the semver package in the Lambda bundles (infra/constructs/bundling.ts aliases it here). The X-Ray
// SDK and cls-hooked, which the Powertools Tracer brings, ask it one question, `gte` of two release versions (the
// Node.js version, the SDK's); the whole package (28 KiB minified, dozens of regular expressions compiled at import)
// answered it in every function. The sandbox and the tests run the sources, with the real package.

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

function parse(version: string): { release: [number, number, number]; prerelease: boolean } {
  const match = VERSION.exec(version.trim());
  if (match === null) throw new TypeError(`Invalid Version: ${version}`);
  return {
    release: [Number(match[1]), Number(match[2]), Number(match[3])],
    prerelease: match[4] !== undefined,
  };
}

/** semver.gte for versions that differ in their release numbers; a prerelease comes before its release. */
export function gte(version: string, minimum: string): boolean {
  const left = parse(version);
  const right = parse(minimum);
  for (let part = 0; part < 3; part++) {
    const difference = (left.release[part] ?? 0) - (right.release[part] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return !left.prerelease || right.prerelease;
}
