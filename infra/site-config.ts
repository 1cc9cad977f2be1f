// What the sandbox and the stack tell the pages at run time (/site-config.json), built one way for both.
import { readConfig } from '../functions/config.ts';
import type { SiteConfig } from '../web/lib/site-config.ts';
import { functions, type HttpRoute } from './topology.ts';

function hasRoute(method: HttpRoute['method'], path: string): boolean {
  return Object.values(functions).some(
    (spec) =>
      'routes' in spec &&
      spec.routes.some((route: HttpRoute) => route.method === method && route.path === path),
  );
}

export function siteConfigOf(signIn: SiteConfig['signIn']): SiteConfig {
  return {
    signIn,
    timeZone: readConfig().NEWSROOM_TIME_ZONE,
    // Known from the topology rather than probed: a probe the API answers 404 is an error in every browser console.
    corrections: hasRoute('GET', '/aliases'),
  };
}
