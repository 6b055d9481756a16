// scratch: whole-run main-thread profile of one hostile program (not committed)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, serveDir, launchBrowser } from '../tests/e2e/harness.mjs';
const name = process.argv[2] ?? 'async_task_memory';
const secs = Number(process.argv[3] ?? 40);
const code = readFileSync(join(ROOT, 'crates/engine/tests/hostile', `${name}.py`), 'utf8');
const server = await serveDir(process.env.DIST ?? join(ROOT, 'dist'));
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(`${server.url}?play#code=${encodeURIComponent(code)}`);
await page.getByTestId('editor').waitFor();
await page.waitForFunction(() => performance.getEntriesByName('looplab:warm').length > 0, null, { timeout: 60_000 });
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
await page.getByTestId('speed').selectOption('4×');
await cdp.send('Profiler.start');
await page.getByTestId('run').click();
const marks = [];
for (let i = 0; i < secs / 5; i++) {
  await page.waitForTimeout(5000);
  marks.push(await page.getByTestId('player').getAttribute('data-events'));
}
const { profile: p } = await cdp.send('Profiler.stop');
console.log('events every 5 s:', marks.join(' '));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map(); const incl = new Map(); let total = 0;
for (let i = 0; i < p.samples.length; i++) {
  const dt = p.timeDeltas[i + 1] ?? 0; total += dt;
  const id = p.samples[i];
  const k = byId.get(id).callFrame.functionName || '(anon)';
  self.set(k, (self.get(k) ?? 0) + dt);
  const seen = new Set();
  for (let q = id; q; q = parent.get(q)) { const f = byId.get(q).callFrame.functionName || '(anon)'; if (seen.has(f)) continue; seen.add(f); incl.set(f, (incl.get(f) ?? 0) + dt); }
}
console.log(`total ${(total / 1e6).toFixed(1)} s`);
console.log('SELF'); for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${k.slice(0, 140)}`);
console.log('INCLUSIVE'); for (const [k, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${k.slice(0, 140)}`);
await browser.close(); await server.close();
