import { datasetErrorText, type DatasetReport as Report } from '../../lib/fine-tuning/dataset';
import { cn } from '../../lib/cn';
import { sizeText } from '../../lib/format';

const CELL_CHARS = 200;
// A record may carry any number of keys; past this many columns the preview stops being readable.
const MAX_COLUMNS = 12;

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const plural = (n: number, one: string, many: string) => `${grouped(n)} ${n === 1 ? one : many}`;

/** A cell of the preview: the value as JSON, cut at 200 characters; a missing key is an empty cell. */
export function cellText(value: unknown): string {
  if (value === undefined) return '';
  let json: string;
  try {
    json = JSON.stringify(value) ?? '';
  } catch {
    json = String(value);
  }
  return json.length > CELL_CHARS ? `${json.slice(0, CELL_CHARS - 1)}…` : json;
}

function columnsOf(rows: Record<string, unknown>[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  return [...keys];
}

/** The result of checking a dataset: a headline, the facts, the fee, the first rows and the problems found. */
export function DatasetReport({
  report,
  fileName,
  feeText,
}: {
  report: Report;
  fileName: string;
  feeText?: string | null;
}) {
  const problems = Math.max(report.errorCount, report.errors.length);
  const headline = report.ok
    ? `Ready to upload: ${plural(report.records, 'record', 'records')}`
    : problems > 0
      ? `${plural(problems, 'problem', 'problems')}: fix the file and choose it again`
      : 'No records: fix the file and choose it again';
  const columns = columnsOf(report.firstRows);
  const shown = columns.slice(0, MAX_COLUMNS);
  const more = problems - report.errors.length;

  return (
    <div className="flex min-w-0 flex-col gap-4">
      <p
        className={cn(
          'font-semibold',
          report.ok ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-700 dark:text-red-400',
        )}
      >
        {headline}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-zinc-600 dark:text-zinc-400">File</dt>
        <dd className="min-w-0 break-all">{fileName}</dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Records</dt>
        <dd>{grouped(report.records)}</dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Size</dt>
        <dd>{sizeText(report.bytes)}</dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Estimated tokens</dt>
        <dd>about {grouped(report.estimatedTokens)}</dd>
      </dl>
      {feeText && <p className="text-sm">{feeText}</p>}
      {report.errors.length > 0 && (
        <div className="text-sm">
          <ul aria-label="Problems in the file" className="list-disc space-y-1 pl-5 text-red-700 dark:text-red-400">
            {report.errors.map((e, i) => (
              <li key={i} className="break-words">
                {datasetErrorText(e)}
              </li>
            ))}
          </ul>
          {more > 0 && (
            <p className="mt-1 text-zinc-600 dark:text-zinc-400">and {plural(more, 'more problem', 'more problems')}</p>
          )}
        </div>
      )}
      {report.firstRows.length > 0 && (
        // A named, focusable region so the keyboard can scroll a wide preview sideways.
        <div
          role="region"
          tabIndex={0}
          aria-label="First rows of the file"
          className="max-w-full overflow-x-auto rounded-lg border border-zinc-200 focus-visible:outline-2 focus-visible:outline-violet-500 dark:border-zinc-800"
        >
          <table className="w-full text-left font-mono text-xs">
            <caption className="px-3 py-2 text-left font-sans text-sm text-zinc-600 dark:text-zinc-400">
              {`The first ${plural(report.firstRows.length, 'row', 'rows')}`}
              {columns.length > shown.length && `, ${columns.length - shown.length} more fields not shown`}
            </caption>
            <thead className="bg-zinc-50 dark:bg-zinc-950">
              <tr>
                {shown.map((key) => (
                  <th key={key} scope="col" className="px-3 py-1.5 font-semibold">
                    {key}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.firstRows.map((row, i) => (
                <tr key={i} className="border-t border-zinc-200 align-top dark:border-zinc-800">
                  {shown.map((key) => (
                    <td key={key} className="max-w-80 px-3 py-1.5 break-words">
                      {cellText(Object.hasOwn(row, key) ? row[key] : undefined)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
