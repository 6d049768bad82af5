/** The sandbox's endpoints and how a request finds one. */
import { batchReadRoute } from './routes-associations.js';
import { listRoute } from './routes-objects-list.js';
import { searchRoute } from './routes-search.js';
import {
  accountRoute, pipelinesRoute, propertiesRoute,
} from './routes-settings.js';
import type { Route } from './route-types.js';

const ROUTES: readonly Route[] = [listRoute, searchRoute, batchReadRoute,
  pipelinesRoute, propertiesRoute, accountRoute];

/** The route for `method` and `path` with its decoded captures, if any. */
export function matchRoute(method: string, path: string):
  { route: Route; params: string[] } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) {
      return { route, params: match.slice(1).map(decodeURIComponent) };
    }
  }
  return undefined;
}
