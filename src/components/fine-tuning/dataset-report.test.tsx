// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatasetReport as Report } from '../../lib/fine-tuning/dataset';
import { cellText, DatasetReport } from './dataset-report';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror=alert(1)>';

const report = (over: Partial<Report> = {}): Report => ({
  ok: true,
  records: 1234,
  bytes: 12.3 * 1024 * 1024,
  estimatedTokens: 456789,
  firstRows: [
    { instruction: 'Say hi', output: 'hi' },
    { instruction: 'Count', output: [1, 2], extra: { a: true } },
  ],
  errors: [],
  errorCount: 0,
  ...over,
});

const fact = (name: string) => screen.getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;

describe('DatasetReport', () => {
  it('headlines a good file and states its facts and fee', () => {
    render(<DatasetReport report={report()} fileName="train.jsonl" feeText="The fee is about 0.5 0G." />);
    expect(screen.getByText('Ready to upload: 1,234 records')).toBeDefined();
    expect(fact('File')).toBe('train.jsonl');
    expect(fact('Records')).toBe('1,234');
    expect(fact('Size')).toBe('12.3 MB');
    expect(fact('Estimated tokens')).toBe('about 456,789');
    expect(screen.getByText('The fee is about 0.5 0G.')).toBeDefined();
    expect(screen.queryByRole('list', { name: 'Problems in the file' })).toBeNull();
  });

  it('previews the first rows with the union of their keys as columns, values as JSON', () => {
    render(<DatasetReport report={report()} fileName="train.jsonl" />);
    const table = within(screen.getByRole('region', { name: 'First rows of the file' })).getByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(
      within(rows[0] as HTMLElement)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['instruction', 'output', 'extra']);
    expect(
      within(rows[1] as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['"Say hi"', '"hi"', '']);
    expect(
      within(rows[2] as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['"Count"', '[1,2]', '{"a":true}']);
  });

  it('lists the problems, counts the rest, and headlines the count', () => {
    const errors = Array.from({ length: 20 }, (_, i) => ({ line: i + 3, message: 'is not valid JSON' }));
    render(<DatasetReport report={report({ ok: false, records: 2, errors, errorCount: 23 })} fileName="bad.jsonl" />);
    expect(screen.getByText('23 problems: fix the file and choose it again')).toBeDefined();
    const items = within(screen.getByRole('list', { name: 'Problems in the file' })).getAllByRole('listitem');
    expect(items).toHaveLength(20);
    expect(items[0]?.textContent).toBe('Line 3: is not valid JSON');
    expect(screen.getByText('and 3 more problems')).toBeDefined();
  });

  it('words a single whole-file problem without a line number', () => {
    const errors = [{ line: 0, message: 'The file is empty: choose a JSONL file with one JSON object per line.' }];
    render(
      <DatasetReport report={report({ ok: false, records: 0, firstRows: [], errors, errorCount: 1 })} fileName="e" />,
    );
    expect(screen.getByText('1 problem: fix the file and choose it again')).toBeDefined();
    expect(screen.getByRole('listitem').textContent).toBe(errors[0]?.message);
    expect(screen.queryByText(/more problem/)).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('renders hostile keys, values, messages and names as text', () => {
    const { container } = render(
      <DatasetReport
        report={report({
          ok: false,
          // As JSON.parse makes it: "__proto__" an own key like any other.
          firstRows: [
            JSON.parse(JSON.stringify({ [HOSTILE]: HOSTILE }).replace('{', '{"__proto__":"x",')) as Record<
              string,
              unknown
            >,
          ],
          errors: [{ line: 2, message: HOSTILE }],
          errorCount: 1,
        })}
        fileName={HOSTILE}
        feeText={HOSTILE}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('columnheader', { name: HOSTILE })).toBeDefined();
    expect(screen.getByRole('cell', { name: JSON.stringify(HOSTILE) })).toBeDefined();
    expect(screen.getByRole('columnheader', { name: '__proto__' })).toBeDefined();
    expect(screen.getByRole('cell', { name: '"x"' })).toBeDefined();
    expect(screen.getByText(`Line 2: ${HOSTILE}`)).toBeDefined();
    expect(fact('File')).toBe(HOSTILE);
  });

  it('cuts long cells at 200 characters', () => {
    const text = cellText('x'.repeat(500));
    expect(text).toHaveLength(200);
    expect(text.endsWith('…')).toBe(true);
    expect(cellText(undefined)).toBe('');
    expect(cellText(null)).toBe('null');
  });
});
