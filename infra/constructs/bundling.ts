// How every Lambda bundle is built: the stack and the bundle benchmark both read these options.

import { resolve } from 'node:path';
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { projectRoot } from '../sandbox/paths.ts';

/** Node 22 on Lambda: keep in step with the runtime chosen in topology-function.ts. */
export const bundleTarget = 'node22';

/**
 * Modules replaced in every bundle, by paths from the project root (the directory esbuild runs in): the credential
 * chain by the environment provider, the only one Lambda needs, and semver by the one comparison the X-Ray SDK
 * makes of it (see each replacement's comment).
 */
export const bundleAliases = {
  '@aws-sdk/credential-provider-node': 'functions/adapters/aws/environment-credentials.ts',
  semver: 'functions/adapters/aws/semver-gte.ts',
} as const;

/** esbuild takes an alias's path as relative to its working directory only when it starts with `./`. */
const aliasArguments = Object.entries(bundleAliases).map(([module, path]) => `${module}=./${path}`);

/** Lets bundled CommonJS dependencies `require` Node built-ins from inside an ES module. */
export const esmRequireBanner =
  "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);";

/**
 * Everything is bundled, the AWS SDK included (no externals): the deployed code runs exactly the SDK version
 * the sandbox and the tests ran, and a bundle imports on its own, which the benchmark relies on.
 */
export const lambdaBundling = {
  minify: true,
  sourceMap: true,
  // Stack traces only need the mappings; the sources would double the asset.
  sourcesContent: false,
  format: OutputFormat.ESM,
  target: bundleTarget,
  mainFields: ['module', 'main'],
  banner: esmRequireBanner,
  // The extractor's Chinese vocabulary stays as UTF-8, smaller than \u escapes; NodejsFunction ignores its own
  // `charset` option, so the flag goes to esbuild directly.
  esbuildArgs: {
    '--charset': 'utf8' as const,
    '--alias': aliasArguments,
  },
  externalModules: [] as string[],
  // Offline synth: the esbuild devDependency bundles locally, never Docker.
  forceDockerBundling: false,
} satisfies BundlingOptions;

/** The esbuild options NodejsFunction derives from `lambdaBundling`, for bundling outside CDK. */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: lambdaBundling.target,
    format: lambdaBundling.format,
    minify: lambdaBundling.minify,
    sourcemap: lambdaBundling.sourceMap,
    sourcesContent: lambdaBundling.sourcesContent,
    mainFields: lambdaBundling.mainFields,
    banner: { js: lambdaBundling.banner },
    charset: lambdaBundling.esbuildArgs['--charset'],
    alias: Object.fromEntries(
      Object.entries(bundleAliases).map(([module, path]) => [module, resolve(projectRoot, path)]),
    ),
    external: lambdaBundling.externalModules,
    logLevel: 'error',
  };
}
