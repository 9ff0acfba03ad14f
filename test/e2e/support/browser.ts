/**
 * Launches Debian's Chromium for browser tests. Where none is installed the
 * tests say so plainly and skip; in CI (CI=true) a missing browser fails.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export const chromiumPath: string | undefined = CANDIDATES.find((candidate) => existsSync(candidate));

const isCi = process.env.CI === 'true' || process.env.CI === '1';

/** `describe` when a browser is there; in CI its absence is an error; elsewhere a plain skip with the reason. */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumPath) {
    describe(name, body);
    return;
  }
  if (isCi) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error("No Chromium found at /usr/bin/chromium: CI must install Debian's chromium package (see .ci/run).");
      });
    });
    return;
  }
  console.warn(
    `Browser tests skipped: no Chromium found (looked at ${CANDIDATES.join(', ')}). Install it with: apt-get install -y chromium`,
  );
  describe.skip(`${name} (skipped: no Chromium installed)`, body);
}

export async function launchChromium(): Promise<Browser> {
  if (!chromiumPath) throw new Error('No Chromium installed.');
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
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

interface Closable {
  close(): Promise<unknown>;
}

/** Closes, in order, what a beforeAll opened; one it never got to (it failed part way) is skipped. */
export async function closeAll(...things: Array<Closable | undefined>): Promise<void> {
  for (const thing of things) await thing?.close();
}
