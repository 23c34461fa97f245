// Headless Debian Chromium for the screenshot scripts (bench/ocr/render.ts, scripts/preview-pages.ts).
// The flags keep it from reaching out to the network, which this machine refuses.
import { chromium, type Browser } from 'playwright-core';

/** `--chromium PATH` on the command line, else Debian's /usr/bin/chromium. */
export function chromiumPath(argv: readonly string[] = process.argv): string {
  const at = argv.indexOf('--chromium');
  return at >= 0 && argv[at + 1] ? argv[at + 1] : '/usr/bin/chromium';
}

export function launchChromium(executablePath = chromiumPath()): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
