import { createHash } from 'node:crypto';
import type { Faults } from './faults.js';

/**
 * A dstack-style attestation report as `/v1/quote` serves it. The SDK's automated checks read
 * `report_data` (the TEE signer, NUL-padded) and compare sha256(tcb_info.app_compose) with the
 * `compose-hash` event. The TDX quote itself is a placeholder: nothing here is real hardware.
 */
export function attestationReport(signer: string, model: string, mode: Faults['quote'], stranger: string): string {
  const appCompose = JSON.stringify({
    manifest_version: 2,
    name: 'zg-serving-broker-devnet',
    runner: 'docker-compose',
    docker_compose_file: [
      'services:',
      '  broker:',
      '    image: ghcr.io/0glabs/0g-serving-broker:devnet-simulated',
      '  model:',
      `    image: simulated/${model.replace(/[^a-z0-9./-]/gi, '-')}:latest`,
    ].join('\n'),
  });
  const composeHash = createHash('sha256').update(appCompose).digest('hex');
  const reportAddress = mode === 'bad-signer' ? stranger : signer;
  const reportData = Buffer.alloc(64);
  Buffer.from(reportAddress, 'utf8').copy(reportData);
  const eventLog = [
    { imr: 3, event_type: 134217729, digest: '00'.repeat(48), event: 'app-id', event_payload: 'devnet' },
    {
      imr: 3,
      event_type: 134217729,
      digest: '00'.repeat(48),
      event: 'compose-hash',
      event_payload:
        mode === 'bad-compose' ? createHash('sha256').update('another compose').digest('hex') : composeHash,
    },
  ];
  return JSON.stringify({
    quote: `0400020081000000${'00'.repeat(56)}${Buffer.from('devnet simulated TDX quote').toString('hex')}`,
    event_log: JSON.stringify(eventLog),
    report_data: reportData.toString('base64'),
    tcb_info: JSON.stringify({ app_compose: appCompose, mrtd: '00'.repeat(48), rtmr3: '00'.repeat(48) }),
    signing_address: reportAddress,
    devnet: true,
  });
}
