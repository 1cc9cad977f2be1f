// The pages: one esbuild entry per page, bundled into memory, and the answers the sandbox serves them with.
// The same build and the same security headers are what the stack deploys to S3 behind CloudFront
// (infra/constructs/pages.ts).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, type BuildResult, build, buildSync, type Metafile } from 'esbuild';
import { type SiteConfig, siteConfigPath } from './lib/site-config.ts';

export const webRoot = dirname(fileURLToPath(import.meta.url));

/**
 * One entry per page rather than one app with routes: the desk never loads the chart library and the metric
 * page never loads the desk, and the shared code (Preact, the API client, the layout) lands in chunks that
 * every page shares and caches.
 */
export const pages = [
  { name: 'latest', route: /^\/$/, entry: 'pages/latest.tsx' },
  { name: 'desk', route: /^\/desk$/, entry: 'pages/desk.tsx' },
  { name: 'metric', route: /^\/metric\/[^/]+$/, entry: 'pages/metric.tsx' },
  { name: 'subscribe', route: /^\/subscribe$/, entry: 'pages/subscribe.tsx' },
  { name: 'brief', route: /^\/brief\/[^/]+$/, entry: 'pages/brief.tsx' },
] as const;

export type PageName = (typeof pages)[number]['name'];

/**
 * No inline script or style anywhere, and Trusted Types with no policy: a string can never reach an HTML sink
 * (innerHTML and the like throw), so brief text can only ever be rendered as text. `connectTo` adds origins the
 * pages may call besides their own: the Cognito token endpoint on a stack with the hosted UI, nothing else.
 */
export function contentSecurityPolicy(connectTo: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    ["connect-src 'self'", ...connectTo].join(' '),
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

/**
 * Every page and asset is sent with these, by the sandbox and (as CloudFront's response headers policy) by the
 * stack: one definition, so the two cannot drift. HSTS is the edge's alone, since the sandbox speaks plain http.
 */
export function securityHeaders(connectTo: readonly string[] = []) {
  return {
    'content-security-policy': contentSecurityPolicy(connectTo),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
  } as const;
}

export interface StaticAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

interface Asset {
  contentType: string;
  body: string;
}

export interface BuiltSite {
  /** Keyed by URL path: the pages' HTML by page name, the assets by `/assets/…`. */
  html: Map<PageName, string>;
  assets: Map<string, Asset>;
  /** Every file a page loads, HTML first: what its weight is made of. */
  filesOf(page: PageName): { path: string; body: string }[];
}

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

function contentTypeOf(path: string): string {
  return contentTypes[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';
}

/** The scripts an output loads before it runs, itself included, each once. */
function scriptsOf(metafile: Metafile, output: string, seen = new Set<string>()): Set<string> {
  if (seen.has(output)) return seen;
  seen.add(output);
  for (const imported of metafile.outputs[output]?.imports ?? []) {
    if (!imported.external) scriptsOf(metafile, imported.path, seen);
  }
  return seen;
}

function htmlOf(scripts: string[], stylesheet: string | undefined): string {
  const [entry, ...chunks] = scripts;
  // Only the brand's text is here: every page renders itself, in the reader's language, from its script.
  return `<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>updates-feed</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
${stylesheet === undefined ? '' : `<link rel="stylesheet" href="${stylesheet}">\n`}${chunks
  .map((chunk) => `<link rel="modulepreload" href="${chunk}">\n`)
  .join('')}<script type="module" src="${entry}"></script>
</head>
<body>
<div id="app"></div>
<noscript>updates-feed needs JavaScript for its pages; the feeds work without it: /feed.rss, /feed.atom, /feed.json</noscript>
</body>
</html>
`;
}

const favicon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#f5c542"/><path d="M7 22l6-7 5 4 7-9" fill="none" stroke="#17324d" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

const buildOptions = {
  absWorkingDir: webRoot,
  entryPoints: Object.fromEntries(pages.map((page) => [page.name, page.entry])),
  outdir: 'assets',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome111', 'firefox115', 'safari16.4'],
  minify: true,
  charset: 'utf8',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  metafile: true,
  write: false,
  logLevel: 'silent',
} as const satisfies BuildOptions;

/** The sandbox builds on its first page request. */
export async function buildSite(): Promise<BuiltSite> {
  return siteOf(await build(buildOptions));
}

/** CDK constructs are synchronous: the stack builds the same site with the same options at synth. */
export function buildSiteSync(): BuiltSite {
  return siteOf(buildSync(buildOptions));
}

function siteOf(result: BuildResult<typeof buildOptions>): BuiltSite {
  const assets = new Map<string, Asset>([
    ['/assets/favicon.svg', { contentType: contentTypeOf('.svg'), body: favicon }],
  ]);
  for (const file of result.outputFiles) {
    const path = `/${file.path.slice(webRoot.length + 1)}`;
    assets.set(path, { contentType: contentTypeOf(path), body: file.text });
  }
  const html = new Map<PageName, string>();
  const files = new Map<PageName, { path: string; body: string }[]>();
  for (const page of pages) {
    const [output, meta] =
      Object.entries(result.metafile.outputs).find(([, meta]) => meta.entryPoint === page.entry) ?? [];
    if (output === undefined || meta === undefined)
      throw new Error(`esbuild produced no output for ${page.entry}`);
    const scripts = [...scriptsOf(result.metafile, output)].map((path) => `/${path}`);
    const stylesheet = meta.cssBundle === undefined ? undefined : `/${meta.cssBundle}`;
    const document = htmlOf(scripts, stylesheet);
    html.set(page.name, document);
    files.set(page.name, [
      { path: `/${page.name}`, body: document },
      ...[...scripts, ...(stylesheet === undefined ? [] : [stylesheet])].map((path) => ({
        path,
        body: assets.get(path)?.body ?? '',
      })),
    ]);
  }
  return { html, assets, filesOf: (page) => files.get(page) ?? [] };
}

/** Bytes a page costs over the wire: its HTML and every script and stylesheet it loads, each gzipped. */
export function gzipWeight(site: BuiltSite, page: PageName): number {
  return site.filesOf(page).reduce((total, file) => total + gzipSync(Buffer.from(file.body)).byteLength, 0);
}

/** HTML and the site's config are asked for again on every load; they name everything else. */
export const revalidated = 'no-cache';
/** Names carry a content hash, except the icon, which never changes in substance. */
export const immutable = 'public, max-age=31536000, immutable';

/**
 * Answers GET requests for pages, assets and the site's config, building the site on the first page or asset:
 * processes that serve only the API (most tests) never pay for the build.
 */
export function siteServer(config: SiteConfig): (path: string) => Promise<StaticAnswer | undefined> {
  const headers = securityHeaders();
  let built: Promise<BuiltSite> | undefined;
  return async (path) => {
    if (path === siteConfigPath) {
      return {
        statusCode: 200,
        headers: { ...headers, 'content-type': 'application/json', 'cache-control': revalidated },
        body: JSON.stringify(config),
      };
    }
    const page = pages.find((candidate) => candidate.route.test(path));
    if (page === undefined && !path.startsWith('/assets/')) return undefined;
    // A failed build is retried by the next request, so a fixed source needs no restart.
    built ??= buildSite().catch((error: unknown) => {
      built = undefined;
      throw error;
    });
    const site = await built;
    if (page !== undefined) {
      return {
        statusCode: 200,
        headers: { ...headers, 'content-type': 'text/html; charset=utf-8', 'cache-control': revalidated },
        body: site.html.get(page.name) ?? '',
      };
    }
    const asset = site.assets.get(path);
    if (asset === undefined) return undefined;
    return {
      statusCode: 200,
      headers: { ...headers, 'content-type': asset.contentType, 'cache-control': immutable },
      body: asset.body,
    };
  };
}
