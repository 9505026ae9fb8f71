import { describe, expect, it } from 'vitest';
import { safeHref, safeImageSrc } from './safe-url';

describe('safeHref', () => {
  it('allows https', () => {
    expect(safeHref('https://provider.example/v1')).toBe('https://provider.example/v1');
  });
  it('refuses script, data and other schemes', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeHref('ftp://x.example')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
    expect(safeHref('https://user:pw@evil.example')).toBeNull();
  });
  it('allows http to localhost on the devnet only', () => {
    expect(safeHref('http://127.0.0.1:8600/chat-a')).toBeNull();
    expect(safeHref('http://127.0.0.1:8600/chat-a', { allowLocalHttp: true })).toBe('http://127.0.0.1:8600/chat-a');
    expect(safeHref('http://provider.example', { allowLocalHttp: true })).toBeNull();
  });
});

describe('safeImageSrc', () => {
  it('allows inline images but not other data URIs', () => {
    expect(safeImageSrc('data:image/svg+xml,<svg/>')).not.toBeNull();
    expect(safeImageSrc('data:text/html,hi')).toBeNull();
  });
});
