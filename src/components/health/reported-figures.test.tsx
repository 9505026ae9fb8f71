// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceStatus } from '../../lib/health/status-report';
import { ReportedFigures } from './reported-figures';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror=alert(1)>';
const metric = (p50: number, unit: string) => ({
  avg: p50,
  p50,
  p90: p50 * 2,
  p95: 0,
  p99: 0,
  min: 0,
  max: 0,
  unit,
  samples: 3,
});
const status: ServiceStatus = {
  serviceType: 'chatbot',
  model: HOSTILE,
  provider: '0x' + 'a'.repeat(40),
  status: 'warning',
  checks: { total: 10, successful: 9, failed: 1, uptime: 90 },
  responseTime: metric(120, 'ms'),
  ttft: null,
  tokensPerSecond: metric(40, HOSTILE),
  lastCheck: Date.UTC(2026, 0, 2),
};
const base = {
  loading: false,
  available: true,
  problem: null,
  status,
  reportedAt: Date.UTC(2026, 0, 2),
  devnet: false,
};

describe('ReportedFigures', () => {
  it("labels 0G's figures as theirs and shows untrusted text as text", () => {
    const { container } = render(<ReportedFigures {...base} />);
    expect(screen.getByRole('region', { name: 'Reported by 0G' })).toBeTruthy();
    expect(screen.getByText('Warning')).toBeTruthy();
    expect(screen.getByText('90% (9 of 10 checks, 1 failed)')).toBeTruthy();
    expect(screen.getByText('120 ms / 240 ms')).toBeTruthy();
    expect(screen.getByText('no samples yet')).toBeTruthy();
    expect(screen.getByText(`40 ${HOSTILE} / 80 ${HOSTILE}`)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('says why there are no figures, and that the browser check stands', () => {
    render(<ReportedFigures {...base} problem="malformed" status={null} />);
    expect(
      screen.getByText(/answered in an unexpected format, so only this browser's own check is shown/),
    ).toBeTruthy();
    cleanup();
    render(<ReportedFigures {...base} problem="unreachable" status={null} devnet />);
    expect(screen.getByText(/could not be reached/)).toBeTruthy();
    expect(screen.getByRole('region', { name: /on the devnet, the simulator serves it/ })).toBeTruthy();
    cleanup();
    render(<ReportedFigures {...base} status={null} />);
    expect(screen.getByText(/does not list this provider/)).toBeTruthy();
  });
});
