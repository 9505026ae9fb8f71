import { measureRoutes, type RouteFigures } from './first-visit.js';
import { runLighthouse, type FormFactor, type LighthouseFigures, type Serving } from './lighthouse.js';
import type { ServedApp } from './serve.js';

// What a first visit to each route downloads, and Lighthouse on `/` on a phone and on a desktop, with the build
// served compressed (as a static host should) and uncompressed, for the served production build.
// Runs per case: the phone's figures (4x CPU) spread more than the desktop's; ten runs keep the bench near 5 minutes.
const LIGHTHOUSE_CASES: [FormFactor, Serving, number][] = [
  ['mobile', 'compressed', 3],
  ['mobile', 'uncompressed', 3],
  ['desktop', 'compressed', 2],
  ['desktop', 'uncompressed', 2],
];
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
  /** One entry per form factor and serving, in LIGHTHOUSE_CASES order. */
  lighthouse: LighthouseFigures[];
}

/** Measures first visits and Lighthouse against the app that `withServedApp` is serving. */
export async function benchApp({ origin, uncompressedOrigin, buildMs, manifest }: ServedApp): Promise<AppFigures> {
  const provider = manifest.providers[0]?.address;
  if (!provider) throw new Error('the devnet manifest lists no providers');
  const routes = await measureRoutes(origin, routesFor(provider));
  const lighthouse: LighthouseFigures[] = [];
  for (const [formFactor, serving, runs] of LIGHTHOUSE_CASES) {
    const url = `${serving === 'compressed' ? origin : uncompressedOrigin}/`;
    lighthouse.push(await runLighthouse(url, runs, formFactor, serving));
  }
  return { buildMs, origin, routes, lighthouse };
}
