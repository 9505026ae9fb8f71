import { describe, expect, it } from 'vitest';
import type { Service } from './chain/services';
import { applyFilters, compareProblem, filtersToParams, groupByModel, parseFilters } from './marketplace';

const svc = (over: Partial<Service>): Service => ({
  provider: '0x0000000000000000000000000000000000000001',
  serviceType: 'chatbot',
  url: 'https://p.example',
  inputPrice: 1n,
  outputPrice: 1n,
  updatedAt: 1n,
  model: 'm',
  verifiability: 'TeeML',
  additionalInfo: '{}',
  teeSignerAddress: '0x0000000000000000000000000000000000000009',
  teeSignerAcknowledged: true,
  ...over,
});

const a = svc({
  provider: '0xaaaa000000000000000000000000000000000001',
  model: 'qwen',
  inputPrice: 5n,
  outputPrice: 10n,
  updatedAt: 3n,
});
const b = svc({
  provider: '0xbbbb000000000000000000000000000000000002',
  model: 'gpt',
  verifiability: 'TeeTLS',
  inputPrice: 1n,
  outputPrice: 2n,
});
const c = svc({
  provider: '0xcccc000000000000000000000000000000000003',
  model: 'flux',
  serviceType: 'text-to-image',
  inputPrice: 0n,
  outputPrice: 3n,
  verifiability: '',
});
const d = svc({
  provider: '0xdddd000000000000000000000000000000000004',
  model: 'qwen',
  inputPrice: 2n,
  outputPrice: 2n,
  updatedAt: 9n,
});

describe('marketplace filters', () => {
  it('round-trips through the URL and drops unknown values', () => {
    const f = parseFilters(
      new URLSearchParams(
        'q=Qwen&type=chatbot&mode=TeeTLS&sort=price-desc&view=models&compare=' + a.provider + ',nonsense',
      ),
    );
    expect(f).toEqual({
      q: 'Qwen',
      type: 'chatbot',
      mode: 'TeeTLS',
      sort: 'price-desc',
      view: 'models',
      compare: [a.provider],
    });
    expect(parseFilters(filtersToParams(f))).toEqual(f);
    expect(parseFilters(new URLSearchParams('type=<script>&mode=tee&sort=x')).type).toBeNull();
    expect(filtersToParams(parseFilters(new URLSearchParams(''))).toString()).toBe('');
  });

  it('searches model or address, filters type and mode', () => {
    const f = parseFilters(new URLSearchParams(''));
    expect(applyFilters([a, b, c], { ...f, q: 'QW' })).toEqual([a]);
    expect(applyFilters([a, b, c], { ...f, q: '0xbbbb' })).toEqual([b]);
    expect(applyFilters([a, b, c], { ...f, type: 'text-to-image' })).toEqual([c]);
    expect(applyFilters([a, b, c], { ...f, mode: 'none' })).toEqual([c]);
    expect(applyFilters([a, b, c], { ...f, mode: 'TeeTLS' })).toEqual([b]);
  });

  it('sorts by typical price both ways, by model and by update time', () => {
    const f = parseFilters(new URLSearchParams(''));
    expect(applyFilters([a, b, d], { ...f, sort: 'price-asc' })).toEqual([b, d, a]);
    expect(applyFilters([a, b, d], { ...f, sort: 'price-desc' })).toEqual([a, d, b]);
    expect(applyFilters([a, b, d], { ...f, sort: 'model' })).toEqual([b, a, d]);
    expect(applyFilters([a, b, d], { ...f, sort: 'updated' })[0]).toBe(d);
  });

  it('groups providers under their model', () => {
    expect(groupByModel([a, b, d])).toEqual([
      { model: 'qwen', services: [a, d] },
      { model: 'gpt', services: [b] },
    ]);
  });

  it('compares two to four providers of one type', () => {
    expect(compareProblem([a])).toMatch(/at least two/);
    expect(compareProblem([a, c])).toMatch(/same service type/);
    expect(compareProblem([a, b, d])).toBeNull();
    expect(compareProblem([a, b, d, a, b])).toMatch(/at most 4/);
  });
});
