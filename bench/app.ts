import { measureRoutes, type RouteFigures } from './first-visit.js';
import { runLighthouse, type LighthouseFigures } from './lighthouse.js';
import type { ServedApp } from './serve.js';

// What a first visit to each route downloads, and Lighthouse on `/`, for the served production build.
const LIGHTHOUSE_RUNS = 3;
const routesFor = (provider: string) => [
  '/',
  `/providers/${provider}`,
  '/account',
  '/chat',
  '/image',
  '/speech',
  '/fine-tuning',
  `/build/${provider}`,
];

export interface AppFigures {
  buildMs: number;
  origin: string;
  routes: RouteFigures[];
  lighthouse: LighthouseFigures;
}

/** Measures first visits and Lighthouse against the app that `withServedApp` is serving. */
export async function benchApp({ origin, buildMs, manifest }: ServedApp): Promise<AppFigures> {
  const provider = manifest.providers[0]?.address;
  if (!provider) throw new Error('the devnet manifest lists no providers');
  const routes = await measureRoutes(origin, routesFor(provider));
  const lighthouse = await runLighthouse(`${origin}/`, LIGHTHOUSE_RUNS);
  return { buildMs, origin, routes, lighthouse };
}
