// Shared helpers for the end-to-end tests: a static file server for the
// release build (and, later, the sample blog) on 127.0.0.1, and a Playwright
// browser that is Debian's Chromium (never a downloaded one).
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/** Serves `dir` on 127.0.0.1 at a free port; resolves to { url, close }. */
export async function serveDir(dir) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Launches headless Debian Chromium with flags that suit a closed network. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // Playwright gives each launch a fresh profile; keep Chromium's other
    // per-user state out of $HOME too.
    env: {
      ...process.env,
      XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'looplab-xdg-config-')),
      XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'looplab-xdg-cache-')),
    },
  });
}

/**
 * Opens a page that records console errors and failed requests, so each test
 * can assert that none happened.
 */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.goto(url);
  return { page, context, problems };
}

/** Saves a full-page screenshot under test-results/screenshots/NAME.png.
 *  The editor skips painting lines outside the viewport
 *  (`content-visibility: auto`, for long programs); a full-page capture
 *  would show those editors empty, so the capture paints every line. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({
    path: join(SCREENSHOTS, `${name}.png`),
    fullPage: true,
    style: '.ed-line { content-visibility: visible !important; }',
  });
}

/** For a test file: serves the release build (dist/) and launches Chromium
 *  before its tests, closes both after them. The returned object's `url`
 *  and `browser` are set once the tests start. */
export function serveApp() {
  const app = { url: '', browser: null, server: null };
  before(async () => {
    app.server = await serveDir(join(ROOT, 'dist'));
    app.url = app.server.url;
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
