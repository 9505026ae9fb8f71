import type { Service } from './chain/services';
import { healthFacts, type HealthFacts } from './health/health-index';
import { typicalCost, type ServiceType } from './pricing';
import { verificationMode, type VerificationMode } from './verify/mode';

export const SERVICE_TYPES: readonly ServiceType[] = ['chatbot', 'text-to-image', 'image-editing', 'speech-to-text'];
export const TYPE_LABEL: Record<string, string> = {
  chatbot: 'Chat',
  'text-to-image': 'Text to image',
  'image-editing': 'Image editing',
  'speech-to-text': 'Speech to text',
};
export const MODES: readonly VerificationMode[] = ['TeeML', 'TeeTLS', 'none'];
export type Sort = 'price-asc' | 'price-desc' | 'model' | 'updated' | 'fastest';
export type View = 'providers' | 'models';

/** Marketplace view state; it lives in the URL so a view can be shared. */
export interface Filters {
  q: string;
  type: string | null;
  mode: VerificationMode | null;
  sort: Sort;
  view: View;
  compare: string[];
  /** "Answers now": hide providers known not to answer (left out of the object when off). */
  answering?: boolean;
}

const SORTS: readonly Sort[] = ['price-asc', 'price-desc', 'model', 'updated', 'fastest'];
export const MAX_COMPARE = 4;

/** Reads filters from the query string, ignoring values it does not know. */
export function parseFilters(params: URLSearchParams): Filters {
  const type = params.get('type');
  const mode = params.get('mode');
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    type: type && SERVICE_TYPES.includes(type as ServiceType) ? type : null,
    mode: MODES.includes(mode as VerificationMode) ? (mode as VerificationMode) : null,
    sort: SORTS.includes(sort as Sort) ? (sort as Sort) : 'model',
    view: params.get('view') === 'models' ? 'models' : 'providers',
    compare: (params.get('compare') ?? '')
      .split(',')
      .map((a) => a.trim().toLowerCase())
      .filter((a) => /^0x[0-9a-f]{40}$/.test(a))
      .slice(0, MAX_COMPARE),
    ...(params.get('health') === 'answers' ? { answering: true } : {}),
  };
}

/** The query string for filters; defaults are left out so URLs stay short. */
export function filtersToParams(f: Filters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.type) p.set('type', f.type);
  if (f.mode) p.set('mode', f.mode);
  if (f.sort !== 'model') p.set('sort', f.sort);
  if (f.view !== 'providers') p.set('view', f.view);
  if (f.compare.length) p.set('compare', f.compare.join(','));
  if (f.answering) p.set('health', 'answers');
  return p;
}

// Case-insensitive code-unit order rather than Intl.Collator: model names and addresses are ASCII, and the first
// collator loads the browser's locale data, a long pause on a phone during the first page's render.
function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Search (model or provider address, case-insensitive), filter by type, mode and health, then sort. Health comes
 * from `health` (this browser's checks, else 0G's report); providers not checked yet stay in "answers now" and
 * sort last by speed.
 */
export function applyFilters(
  services: readonly Service[],
  f: Filters,
  health: (s: Service) => HealthFacts = healthFacts,
): Service[] {
  const q = f.q.trim().toLowerCase();
  const facts = new Map(f.answering || f.sort === 'fastest' ? services.map((s) => [s, health(s)]) : []);
  const out = services.filter(
    (s) =>
      (!q || s.model.toLowerCase().includes(q) || s.provider.toLowerCase().includes(q)) &&
      (!f.type || s.serviceType === f.type) &&
      (!f.mode || verificationMode(s.verifiability) === f.mode) &&
      (!f.answering || facts.get(s)?.answering !== false),
  );
  const speed = (s: Service) => facts.get(s)?.latencyMs ?? Number.POSITIVE_INFINITY;
  const cost = (s: Service) => typicalCost(s.serviceType, s.inputPrice, s.outputPrice);
  const cmp = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
  const byModel = (a: Service, b: Service) => compareText(a.model, b.model) || compareText(a.provider, b.provider);
  const sorters: Record<Sort, (a: Service, b: Service) => number> = {
    'price-asc': (a, b) => cmp(cost(a), cost(b)) || byModel(a, b),
    'price-desc': (a, b) => cmp(cost(b), cost(a)) || byModel(a, b),
    model: byModel,
    updated: (a, b) => cmp(b.updatedAt, a.updatedAt) || byModel(a, b),
    fastest: (a, b) => (speed(a) === speed(b) ? 0 : speed(a) < speed(b) ? -1 : 1) || byModel(a, b),
  };
  return out.sort(sorters[f.sort]);
}

/** Model-first grouping: each model with its providers, in the order the services came. */
export function groupByModel(services: readonly Service[]): Array<{ model: string; services: Service[] }> {
  const groups = new Map<string, Service[]>();
  for (const s of services) groups.set(s.model, [...(groups.get(s.model) ?? []), s]);
  return [...groups].map(([model, list]) => ({ model, services: list }));
}

/** Why a selection cannot be compared, or null when it can (2 to 4 providers of one type). */
export function compareProblem(selected: readonly Service[]): string | null {
  if (selected.length < 2) return 'Pick at least two providers to compare.';
  if (selected.length > MAX_COMPARE) return `Compare at most ${MAX_COMPARE} providers at a time.`;
  if (new Set(selected.map((s) => s.serviceType)).size > 1) return 'Compare providers of the same service type.';
  return null;
}
