// Shared by the browser tests and the screenshot script: builds an index from the
// shipped manuals into a temporary folder, starts `dutydesk serve --port 0` on it, and
// launches Debian's Chromium through playwright-core with a fresh profile.
//
// Inputs (first found wins):
//   binary   --binary=PATH | argv path ending in "dutydesk" | $DUTYDESK_BINARY | <repo>/build/dutydesk
//   web dir  --web=DIR | $DUTYDESK_WEB | <repo>/web
//   content  --content=DIR | $DUTYDESK_CONTENT | <repo>/content
//   browser  $CHROMIUM | /usr/bin/chromium

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');

function option(name) {
  const prefix = `--${name}=`;
  const arg = process.argv.find((a) => a.startsWith(prefix));
  return arg ? arg.slice(prefix.length) : null;
}

export function settings() {
  const positional = process.argv.slice(2).find((a) => !a.startsWith('-') && /dutydesk$/.test(a));
  const binary = path.resolve(option('binary') || positional || process.env.DUTYDESK_BINARY
    || path.join(repoRoot, 'build', 'dutydesk'));
  const webDir = path.resolve(option('web') || process.env.DUTYDESK_WEB || path.join(repoRoot, 'web'));
  const contentDir = path.resolve(option('content') || process.env.DUTYDESK_CONTENT || path.join(repoRoot, 'content'));
  const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
  return { binary, webDir, contentDir, browserPath };
}

/** Indexes the content and starts the server; resolves to {url, stop()}. */
export async function startServer({ binary, webDir, contentDir } = settings()) {
  if (!existsSync(binary)) {
    throw new Error(`dutydesk binary not found at ${binary}; pass it as an argument or set DUTYDESK_BINARY`);
  }
  const tempDir = mkdtempSync(path.join(tmpdir(), 'dutydesk-ui-'));
  const dbDir = path.join(tempDir, 'db');
  const indexed = spawnSync(binary, ['index', '--db', dbDir, contentDir], { encoding: 'utf8' });
  if (indexed.status !== 0) {
    rmSync(tempDir, { recursive: true, force: true });
    throw new Error(`dutydesk index failed (${indexed.status}):\n${indexed.stderr}`);
  }
  const child = spawn(binary, ['serve', '--port', '0', '--quiet', '--host', '127.0.0.1', '--db', dbDir, '--web', webDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let stopped = false;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(tempDir, { recursive: true, force: true });
  };
  // If this process ends or is interrupted, take the server with it.
  const onExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', onExit);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
    process.once(signal, () => {
      onExit();
      rmSync(tempDir, { recursive: true, force: true });
      process.exit(code);
    });
  }

  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not report a port within 10 s:\n${stderr}`)), 10000);
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        const match = /serving (http:\/\/[^\s/]+)\//.exec(stderr);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code} before serving:\n${stderr}`));
      });
    });
    return { url, stop, stderr: () => stderr };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Launches Chromium. playwright gives every launch a fresh, temporary user-data dir and
 * removes it on close, so no profile state leaks between runs.
 */
export async function launchBrowser({ browserPath } = settings()) {
  if (!existsSync(browserPath)) throw new Error(`Chromium not found at ${browserPath}; set CHROMIUM`);
  return chromium.launch({
    executablePath: browserPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
