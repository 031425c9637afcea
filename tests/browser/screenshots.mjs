// Saves screenshots of the web UI (search results, a close call, an event, a position page, a
// clause permalink and the organisation chart) at 360 px and 1280 px into docs/screenshots/.
//
//   node tests/browser/screenshots.mjs [path/to/dutydesk] [--out=DIR]
//
// Chinese text needs a CJK font in the system (Debian: fonts-noto-cjk), or it shows as boxes.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, repoRoot, settings, startServer } from './harness.mjs';

const outArg = process.argv.find((a) => a.startsWith('--out='));
const outDir = path.resolve(outArg ? outArg.slice('--out='.length) : path.join(repoRoot, 'docs', 'screenshots'));
mkdirSync(outDir, { recursive: true });

const enc = encodeURIComponent;
const shots = [
  { name: 'search', path: `/?q=${enc('谁负责催缴物业费')}` },
  { name: 'close-call', path: `/?q=${enc('谁管钥匙')}` },
  { name: 'event', path: `/?q=${enc('楼上扔下个花盆砸坏了车，谁报警')}` },
  { name: 'position', path: `/p/wuye-gangwei/${enc('秩序维护员')}` },
  { name: 'clause', path: '/c/wuye-gangwei/3.1.2.7' },
  { name: 'org', path: '/?view=org', fullPage: true },
];
const sizes = [
  { width: 360, height: 740 },
  { width: 1280, height: 900 },
];
const MAX_HEIGHT = 2000;

const config = settings();
const server = await startServer(config);
let browser;
try {
  browser = await launchBrowser(config);
  for (const size of sizes) {
    const context = await browser.newContext({ viewport: size, locale: 'zh-CN', deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const shot of shots) {
      await page.goto(server.url + shot.path);
      await page.waitForSelector('html[data-ready="true"]');
      await page.evaluate(() => document.fonts.ready);
      await page.mouse.move(0, 0);
      const file = path.join(outDir, `${shot.name}-${size.width}.png`);
      const options = { path: file, animations: 'disabled', caret: 'hide' };
      if (shot.fullPage) {
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        options.fullPage = true;
        if (height > MAX_HEIGHT) options.clip = { x: 0, y: 0, width: size.width, height: MAX_HEIGHT };
      }
      await page.screenshot(options);
      console.log(`wrote ${path.relative(repoRoot, file)}`);
    }
    await context.close();
  }
} finally {
  await browser?.close();
  await server.stop();
}
