import { describe, expect, it } from 'vitest';
import { UserFaults } from './fault-scope.js';
import { mergeFaults, NO_FAULTS } from './faults.js';

const USER = '0x00000000000000000000000000000000000000aa';

describe('mergeFaults', () => {
  it('merges the media faults and leaves the others alone', () => {
    const next = mergeFaults(NO_FAULTS, {
      tamper: true,
      rogueSigner: true,
      imageAnswer: 'http-url',
      refuseVerboseJson: true,
    });
    expect(next).toEqual({
      ...NO_FAULTS,
      tamper: true,
      rogueSigner: true,
      imageAnswer: 'http-url',
      refuseVerboseJson: true,
    });
    expect(mergeFaults(next, NO_FAULTS)).toEqual(NO_FAULTS);
  });

  it('rejects bad values and unknown keys', () => {
    expect(() => mergeFaults(NO_FAULTS, { tamper: 'yes' })).toThrow('tamper must be true or false');
    expect(() => mergeFaults(NO_FAULTS, { imageAnswer: 'ftp-url' })).toThrow(/imageAnswer must be one of honest, url/);
    expect(() => mergeFaults(NO_FAULTS, { tampered: true })).toThrow('Unknown fault "tampered"');
  });

  it('defaults to honest answers', () => {
    expect(NO_FAULTS).toMatchObject({
      tamper: false,
      rogueSigner: false,
      imageAnswer: 'honest',
      refuseVerboseJson: false,
    });
  });
});

describe('UserFaults', () => {
  it("replaces the provider's faults for that user only, and forgets faults set back to none", () => {
    const book = new UserFaults();
    const wide = { ...NO_FAULTS, latencyMs: 5 };
    book.merge('image', USER.toUpperCase().replace('0X', '0x'), { tamper: true });
    expect(book.resolve('image', '0x00000000000000000000000000000000000000AA', wide)).toEqual({
      ...NO_FAULTS,
      tamper: true,
    });
    expect(book.resolve('image', '0x00000000000000000000000000000000000000bB', wide)).toBe(wide);
    expect(book.resolve('speech', '0x00000000000000000000000000000000000000AA', wide)).toBe(wide);
    expect(book.snapshot()).toEqual({
      image: { '0x00000000000000000000000000000000000000AA': { ...NO_FAULTS, tamper: true } },
    });
    book.merge('image', USER, NO_FAULTS);
    expect(book.snapshot()).toEqual({});
  });

  it('refuses a bad address and provider-wide faults', () => {
    const book = new UserFaults();
    expect(() => book.merge('image', 'nobody', { tamper: true })).toThrow('user must be an address');
    expect(() => book.merge('image', USER, { signatureDown: true })).toThrow(/apply to a whole provider/);
    expect(() => book.merge('image', USER, { quote: 'bad-signer' })).toThrow(/apply to a whole provider/);
    expect(() => book.merge('image', USER, { quote: 'good', signatureDown: false })).not.toThrow();
  });
});
