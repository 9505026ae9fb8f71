// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import type { Address } from 'viem';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFineTuningModels, useUsagePackage } from '../../hooks/fine-tuning/use-fine-tuning-provider';
import type { FineTuningService } from '../../lib/chain/services';
import type { FtModel } from '../../lib/fine-tuning/provider-api';
import type { UsagePackage } from '../../lib/fine-tuning/usage-zip';
import { ModelStep } from './model-step';

vi.mock('../../hooks/fine-tuning/use-fine-tuning-provider', () => ({
  useFineTuningModels: vi.fn(),
  useUsagePackage: vi.fn(),
}));

const HOSTILE = '<img src=x onerror=alert(1)>';
const LONG = 'n'.repeat(10_000);

const service: FineTuningService = {
  provider: '0x00000000000000000000000000000000000000a1' as Address,
  url: 'https://ft.example',
  models: [],
  pricePerToken: 1n,
  quota: { cpuCount: 1n, nodeMemory: 1n, gpuCount: 1n, nodeStorage: 1n, gpuType: 'H100' },
  occupied: false,
  teeSignerAddress: '0x00000000000000000000000000000000000000cc',
  teeSignerAcknowledged: true,
};

const README = [
  `# ${HOSTILE}`,
  '[click me](javascript:alert(1))',
  '[also](JaVaScRiPt:alert(2)) and <a href="javascript:alert(3)">raw</a>',
  '<script>alert(4)</script>',
  '![pic](javascript:alert(5))',
  '[fine](https://docs.example/ok)',
].join('\n\n');

function mock(models: FtModel[], usage: UsagePackage | undefined) {
  vi.mocked(useFineTuningModels).mockReturnValue({
    isPending: false,
    isError: false,
    data: models,
    refetch: vi.fn(),
  } as unknown as ReturnType<typeof useFineTuningModels>);
  vi.mocked(useUsagePackage).mockReturnValue({
    isPending: !usage,
    isError: false,
    data: usage && { zip: new Uint8Array([1]), usage },
    refetch: vi.fn(),
  } as unknown as ReturnType<typeof useUsagePackage>);
}

const show = (model: string | undefined) =>
  render(
    <ModelStep
      service={service}
      model={model}
      allowLocalHttp={false}
      onChoose={() => {}}
      onBack={() => {}}
      onNext={() => {}}
    />,
  );

/** The innermost elements with a text node that contains `needle`. */
const holders = (root: HTMLElement, needle: string) =>
  [...root.querySelectorAll('*')].filter((el) =>
    [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.includes(needle)),
  );

function expectInert(root: HTMLElement) {
  expect(root.querySelector('img, script, iframe, object, embed, [onerror], [onclick]')).toBeNull();
  for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').toMatch(/^https:/);
}

afterEach(cleanup);

describe('ModelStep', () => {
  it('renders hostile and very long model names and descriptions as wrapping text', () => {
    mock(
      [
        { name: HOSTILE, hash: '0x1', description: HOSTILE },
        { name: LONG, hash: '0x2', description: LONG },
      ],
      undefined,
    );
    const { container } = show(undefined);
    expectInert(container);
    expect(screen.getAllByRole('radio')).toHaveLength(2);
    expect(screen.getAllByText(HOSTILE)).toHaveLength(2);
    const found = holders(container, LONG);
    expect(found).toHaveLength(2);
    for (const el of found) expect(el.closest('.break-words, .break-all')).not.toBeNull();
  });

  it('shows the README as Markdown without raw HTML or javascript: links, and the example files as text', () => {
    mock([{ name: 'base', hash: '0x1', description: '' }], {
      readme: README,
      exampleDataset: { name: HOSTILE, text: `{"instruction":"${HOSTILE}"}` },
      exampleParams: { name: 'params.json', text: HOSTILE },
      files: [],
    } as UsagePackage);
    const { container } = show('base');
    const pack = screen.getByRole('region', { name: 'Usage package' });
    expectInert(container);
    // Heading text, refused links kept readable as text, raw HTML shown as written.
    expect(within(pack).getByRole('heading', { level: 1 }).textContent).toBe(HOSTILE);
    expect(within(pack).getByText('click me (javascript:alert(1))')).toBeDefined();
    expect(within(pack).getByText('<script>alert(4)</script>')).toBeDefined();
    expect(pack.textContent).toContain('<a href="javascript:alert(3)">');
    expect(
      within(pack)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['https://docs.example/ok']);
    expect(within(pack).getByText(`Example dataset (${HOSTILE})`)).toBeDefined();
    expect(within(pack).getByText(`{"instruction":"${HOSTILE}"}`).tagName).toBe('PRE');
    expect(within(pack).getByText(HOSTILE, { selector: 'pre' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Continue to the dataset' })).toHaveProperty('disabled', false);
  });

  it('wraps a very long README word and scrolls very long example lines inside their box', () => {
    mock([{ name: 'base', hash: '0x1', description: '' }], {
      readme: LONG,
      exampleDataset: { name: 'train.jsonl', text: LONG },
      files: [],
    } as UsagePackage);
    const { container } = show('base');
    const [readme, example] = holders(container, LONG);
    expect(readme?.closest('.break-words, .break-all')).not.toBeNull();
    expect(example?.tagName).toBe('PRE');
    expect(example?.className).toMatch(/overflow-auto/);
  });

  // The example file's name is a path inside the provider's zip (up to 64 KB): it must wrap.
  it('wraps a very long example file name', () => {
    mock([{ name: 'base', hash: '0x1', description: '' }], {
      exampleDataset: { name: `${LONG}.jsonl`, text: '{}' },
      files: [],
    } as UsagePackage);
    const { container } = show('base');
    const found = holders(container, LONG);
    expect(found).toHaveLength(1);
    expect(found[0]?.closest('.break-words, .break-all')).not.toBeNull();
  });
});
