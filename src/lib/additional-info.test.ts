import { describe, expect, it } from 'vitest';
import { formatAdditionalInfo } from './additional-info';

describe('formatAdditionalInfo', () => {
  it('pretty-prints JSON', () => {
    expect(formatAdditionalInfo('{"TEEVerifier":"dstack"}')).toEqual({
      text: '{\n  "TEEVerifier": "dstack"\n}',
      isJson: true,
    });
  });
  it('keeps anything else as raw text', () => {
    expect(formatAdditionalInfo('<img src=x onerror=alert(1)>')).toEqual({
      text: '<img src=x onerror=alert(1)>',
      isJson: false,
    });
    expect(formatAdditionalInfo('  ').isJson).toBe(false);
  });
});
