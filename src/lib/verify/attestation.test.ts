import { describe, expect, it } from 'vitest';
import { summarizeAttestation, type VerifyServiceResult } from './attestation';

const signer = '0x6ce28D6304cc95f5A2dcF4eC0fCB0135DA0D6aE5';
const good: VerifyServiceResult = {
  success: true,
  teeVerifier: 'dstack',
  targetSeparated: false,
  reportsData: { combined: {} },
  signerVerification: {
    contractAddress: signer,
    reportAddresses: [{ reportType: 'combined', address: signer, match: true }],
    allMatch: true,
  },
  composeVerification: { passed: true, details: { combined: { calculatedHash: 'ab', eventLogHash: 'ab' } } },
  dockerImages: [],
  steps: [
    { type: 'step', message: '📋 Automated Verification Summary' },
    { type: 'step', message: '🖼️  Step 6: Image Verification' },
    { type: 'info', message: '' },
    { type: 'info', message: '   Visit: https://github.com/0gfoundation/0g-serving-broker/releases' },
  ],
};

describe('summarizeAttestation', () => {
  it('passes only when every automated check passed', () => {
    const s = summarizeAttestation(good);
    expect(s.overall).toBe('passed');
    expect(s.checks.map((c) => c.status)).toEqual(['passed', 'passed']);
    expect(s.manualSteps).toEqual([
      '🖼️  Step 6: Image Verification',
      'Visit: https://github.com/0gfoundation/0g-serving-broker/releases',
    ]);
  });

  it('fails on a signer mismatch although the SDK says success', () => {
    const bad = {
      ...good,
      signerVerification: {
        contractAddress: signer,
        reportAddresses: [{ reportType: 'combined', address: '0xBAD', match: false }],
        allMatch: false,
      },
    };
    const s = summarizeAttestation(bad);
    expect(bad.success).toBe(true);
    expect(s.overall).toBe('failed');
    expect(s.checks[0]).toMatchObject({ status: 'failed', detail: expect.stringContaining('0xBAD') });
    expect(s.checks[1]?.status).toBe('passed');
  });

  it('fails on a compose hash mismatch', () => {
    const s = summarizeAttestation({
      ...good,
      composeVerification: { passed: false, details: { combined: { calculatedHash: 'ab', eventLogHash: 'cd' } } },
    });
    expect(s.overall).toBe('failed');
    expect(s.checks[1]).toMatchObject({ status: 'failed', detail: 'Calculated ab, event log has cd.' });
  });

  it('is incomplete, not passed, when a check could not run', () => {
    const s = summarizeAttestation({
      ...good,
      teeVerifier: 'cryptopilot',
      composeVerification: { passed: false, details: {} },
    });
    expect(s.checks[1]?.status).toBe('not run');
    expect(s.overall).toBe('incomplete');
    const noSigner = summarizeAttestation({
      ...good,
      signerVerification: { contractAddress: signer, reportAddresses: [], allMatch: false },
    });
    expect(noSigner.checks[0]?.status).toBe('not run');
    expect(noSigner.overall).toBe('incomplete');
  });
});
