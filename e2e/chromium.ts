// Debian's Chromium, never a downloaded one (`npx playwright install` does not work here). These flags
// keep it quiet and offline in CI containers; Playwright and Lighthouse add their own headless flag.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // A real microphone path for the speech studio: a fake capture device (a tone) and no permission prompt.
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];
