// Browser tests of the web UI against the real server and the shipped manuals, in
// headless Debian Chromium through playwright-core.
//
//   cd tests/browser && npm ci && DUTYDESK_BINARY=../../build/dutydesk node --test ui.test.mjs
//   node --test tests/browser/ui.test.mjs      (binary from $DUTYDESK_BINARY or build/dutydesk)
//
// See harness.mjs for the other inputs (web dir, content dir, Chromium path).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, settings, startServer } from './harness.mjs';

const config = settings();
let server;
let browser;
let shared; // one context and page reused by most tests: a new page costs a renderer process
let dialogs = [];
const problems = [];

function watch(page, label) {
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => problems.push(`${label()}: page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) {
      problems.push(`${label()}: ${message.text()}`);
    }
  });
}

before(async () => {
  server = await startServer(config);
  browser = await launchBrowser(config);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  watch(page, () => page.url());
  shared = { context, page };
});

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
});

/**
 * Opens path in the shared page (or, with init, a page of its own) at the given size.
 * Page errors, CSP violations and dialogs are collected.
 */
async function open(path, { width = 1280, height = 900, init = null } = {}) {
  dialogs = [];
  let page = shared.page;
  let close = async () => {};
  if (init) {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
    page = await context.newPage();
    watch(page, () => page.url());
    await page.addInitScript(init);
    close = () => context.close();
  } else {
    await page.setViewportSize({ width, height });
  }
  await page.goto(server.url + path);
  await page.waitForSelector('html[data-ready="true"]');
  return { page, dialogs, close };
}

async function typeQuery(page, text) {
  const box = page.locator('#q');
  await box.click();
  await box.fill('');
  await box.pressSequentially(text, { delay: 20 });
}

/** What the server answers to `question`: what the page is checked against. */
async function searchApi(question) {
  return (await fetch(`${server.url}/api/search?q=${encodeURIComponent(question)}`)).json();
}

async function answerPosition(page) {
  return (await page.locator('.answer-card .answer-position').textContent()).trim();
}

async function waitForAnswer(page, position) {
  await page.waitForFunction(
    (name) => document.querySelector('.answer-card .answer-position')?.textContent.trim() === name,
    position, { timeout: 5000 },
  );
}

const paths = {
  clause: '/c/wuye-gangwei/3.1.2.7',
  citation: '《物业公司人员岗位职责手册》3.1.2 第7条(客服主管)',
};

describe('search', () => {
  test('a typed question shows the answer card with the responsible position', async () => {
    const { page, close } = await open('/');
    try {
      await typeQuery(page, '谁负责催缴物业费');
      await waitForAnswer(page, '客户关系专员');
      const card = page.locator('.answer-card');
      assert.match(await card.locator('.answer-meta').textContent(), /客户服务部/);
      // the supporting clause: its cite links to the permalink, matched words are marked
      const cite = card.locator('.answer-clause .cite-link');
      assert.match(await cite.textContent(), /^\d+(\.\d+)+ 第\d+[条段]$/);
      assert.match(await cite.getAttribute('href'), /^\/c\/wuye-gangwei\//);
      assert.ok(await card.locator('.answer-clause mark').count() > 0, 'highlighted words');
      assert.ok(await page.locator('.hit-list .hit').count() > 0, 'other clauses listed');
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('q'), '谁负责催缴物业费');
      assert.match(await page.locator('#live').textContent(), /客户关系专员/);
      assert.equal(await page.locator('.close-call').count(), 0, 'a clear answer is not called close');
      assert.equal(await page.locator('.answer-eyebrow').textContent(), '最可能负责的岗位');
    } finally {
      await close();
    }
  });

  test('前台平时做什么 finds 客服专员 through its alias', async () => {
    const { page, close } = await open('/');
    try {
      await typeQuery(page, '前台平时做什么');
      await waitForAnswer(page, '客服专员');
    } finally {
      await close();
    }
  });

  test('a question in Traditional characters finds the same clauses', async () => {
    const { page, close } = await open('/');
    try {
      await typeQuery(page, '電梯困人');
      await page.waitForSelector('.answer-card');
      const marks = await page.locator('.search-results mark').allTextContents();
      assert.ok(marks.some((m) => m.includes('电梯')), `marks: ${marks.join(',')}`);
      assert.equal(await page.locator('.empty-result').count(), 0);
    } finally {
      await close();
    }
  });

  test('a close call shows the contending positions side by side, each with its clause', async () => {
    const question = '谁管钥匙';
    const api = await searchApi(question);
    assert.ok(api.contenders >= 2, `“${question}” should be a close call; pick another question if ranking changed`);
    const expected = [...new Set(api.answers.map((a) => a.position))].slice(0, api.contenders);
    const { page, close } = await open(`/?q=${encodeURIComponent(question)}`);
    try {
      await waitForAnswer(page, expected[0]);
      assert.equal(await page.locator('.answer-eyebrow').textContent(), '可能负责的岗位');
      assert.match(await page.locator('.close-call').textContent(), new RegExp(`有 ${expected.length} 个岗位`));
      const rivals = page.locator('.rival');
      assert.deepEqual((await rivals.locator('.answer-item-name').allTextContents()).map((t) => t.trim()),
        expected.slice(1));
      assert.equal(await rivals.locator('.cite-link').count(), expected.length - 1, 'each rival quotes its clause');
      const others = (await page.locator('.answer-list .answer-item-name').allTextContents()).map((t) => t.trim());
      for (const name of expected) assert.ok(!others.includes(name), `${name} is not listed twice`);
      assert.match(await page.locator('#live').textContent(), /依据不相上下/);
    } finally {
      await close();
    }
  });

  test('a question naming an event links to the section that sums up its handling', async () => {
    const question = '楼上扔下个花盆砸坏了车，要报警吗？谁报？';
    const api = await searchApi(question);
    assert.ok(api.events.length >= 1, `“${question}” should name an event`);
    const { page, close } = await open(`/?q=${encodeURIComponent(question)}`);
    try {
      await page.waitForSelector('.answer-card');
      const notes = page.locator('.event-note');
      assert.equal(await notes.count(), api.events.length);
      const link = notes.first().locator('a');
      assert.equal(await link.getAttribute('href'), api.events[0].url);
      assert.match(await notes.first().textContent(), new RegExp(api.events[0].chapter));
      await link.click();
      const title = `${api.events[0].section} ${api.events[0].title}`;
      await page.waitForFunction((t) => document.querySelector('h1')?.textContent.trim() === t, title);
      assert.ok(await page.locator('.clause').count() >= 1, 'the key points are listed');
      await page.goBack();
      await page.waitForSelector('.answer-card');
      const plain = '谁负责催缴物业费';
      const plainApi = await searchApi(plain);
      assert.equal(plainApi.events.length, 0);
      await typeQuery(page, plain);
      await waitForAnswer(page, plainApi.answers[0].position);
      assert.equal(await page.locator('.event-note').count(), 0, 'no event, no note');
    } finally {
      await close();
    }
  });

  test('a pinyin slip is searched as the word it sounds like, and the page says so', async () => {
    const { page, close } = await open(`/?q=${encodeURIComponent('谁负责巡罗')}`);
    try {
      const note = page.locator('.sound-alike');
      await note.waitFor({ timeout: 5000 });
      assert.equal((await note.textContent()).trim(), '“巡罗”也按“巡逻”搜索。');
      await note.locator('a').click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '谁负责巡逻');
      await page.waitForSelector('.answer-card');
      assert.equal(await page.locator('.sound-alike').count(), 0, 'the corrected question needs no note');
    } finally {
      await close();
    }
  });

  test('a reporting-line question shows the relation', async () => {
    const { page, close } = await open(`/?q=${encodeURIComponent('客服专员的直接上级是谁')}`);
    try {
      await waitForAnswer(page, '客服主管');
      assert.match(await page.locator('.answer-card h2').textContent(), /客服专员的直接上级：客服主管/);
    } finally {
      await close();
    }
  });

  test('a question with no match says 没有找到', async () => {
    const { page, close } = await open('/');
    try {
      await typeQuery(page, '量子力学');
      await page.waitForSelector('.empty-result');
      assert.match(await page.locator('#empty-title').textContent(), /没有找到.*量子力学/);
      assert.ok(await page.locator('.empty-result a.example').count() > 0, 'example questions offered');
    } finally {
      await close();
    }
  });

  test('markup in a query is shown as text and never runs', async () => {
    const queries = ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>量子力学'];
    for (const q of queries) {
      const { page, close } = await open(`/?q=${encodeURIComponent(q)}`);
      try {
        await page.waitForSelector('.search-results');
        await typeQuery(page, q); // and typed, not only from the URL
        await page.waitForTimeout(400);
        assert.ok((await page.locator('main h1').textContent()).includes(q), 'query shown literally');
        assert.equal(await page.locator('main script, main img').count(), 0);
        assert.equal(await page.inputValue('#q'), q);
        assert.deepEqual(dialogs, []);
      } finally {
        await close();
      }
    }
  });

  test('typing is debounced and a slow stale answer never replaces a newer one', async () => {
    const { page, close } = await open('/');
    try {
      const searches = [];
      await page.route('**/api/search?*', async (route) => {
        const q = new URL(route.request().url()).searchParams.get('q');
        searches.push(q);
        if (q === '水管爆了') await new Promise((r) => setTimeout(r, 900));
        await route.continue().catch(() => {});
      });
      await typeQuery(page, '水管爆了');
      await page.waitForTimeout(300); // the debounced request for 水管爆了 is now in flight
      await page.locator('#q').fill('');
      await page.locator('#q').pressSequentially('前台平时做什么', { delay: 20 });
      await waitForAnswer(page, '客服专员');
      await page.waitForTimeout(1000); // the stale answer arrives (or was cancelled) meanwhile
      assert.equal(await answerPosition(page), '客服专员');
      // 11 keystrokes; without the debounce there would be a request for each
      assert.ok(searches.length <= 5, `requests while typing: ${searches.join(' | ')}`);
    } finally {
      await page.unroute('**/api/search?*');
      await close();
    }
  });

  test('an example question runs a search', async () => {
    const { page, close } = await open('/');
    try {
      await page.locator('a.example', { hasText: '前台平时做什么' }).click();
      await waitForAnswer(page, '客服专员');
      assert.equal(await page.inputValue('#q'), '前台平时做什么');
      assert.equal(new URL(page.url()).searchParams.get('q'), '前台平时做什么');
    } finally {
      await close();
    }
  });
});

describe('history and keyboard', () => {
  test('back and forward restore the previous searches', async () => {
    const { page, close } = await open('/');
    try {
      await typeQuery(page, '谁负责催缴物业费');
      await waitForAnswer(page, '客户关系专员');
      await page.keyboard.press('Enter'); // Enter keeps this search in the history
      await typeQuery(page, '前台平时做什么');
      await waitForAnswer(page, '客服专员');
      await page.waitForTimeout(1100); // a pause also ends a search
      await typeQuery(page, '客服专员的直接上级是谁');
      await waitForAnswer(page, '客服主管');

      await page.goBack();
      await waitForAnswer(page, '客服专员');
      assert.equal(await page.inputValue('#q'), '前台平时做什么');
      await page.goBack();
      await waitForAnswer(page, '客户关系专员');
      assert.equal(await page.inputValue('#q'), '谁负责催缴物业费');
      await page.goBack();
      await page.waitForSelector('.intro');
      assert.equal(await page.inputValue('#q'), '');
      await page.goForward();
      await waitForAnswer(page, '客户关系专员');
    } finally {
      await close();
    }
  });

  test('back from a position page returns to the results', async () => {
    const { page, close } = await open(`/?q=${encodeURIComponent('谁负责催缴物业费')}`);
    try {
      await waitForAnswer(page, '客户关系专员');
      await page.locator('.answer-card .answer-position').click();
      await page.waitForSelector('h1.position-name');
      assert.equal(new URL(page.url()).pathname, `/p/wuye-gangwei/${encodeURIComponent('客户关系专员')}`);
      await page.goBack();
      await waitForAnswer(page, '客户关系专员');
    } finally {
      await close();
    }
  });

  test('“/” focuses the search box, but not while typing in it', async () => {
    const { page, close } = await open('/p/wuye-gangwei/%E5%AE%A2%E6%9C%8D%E4%B8%BB%E7%AE%A1');
    try {
      await page.locator('h1').click();
      assert.notEqual(await page.evaluate(() => document.activeElement.id), 'q');
      await page.keyboard.press('/');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
      assert.equal(await page.inputValue('#q'), '');
      await page.keyboard.type('a/b');
      assert.equal(await page.inputValue('#q'), 'a/b');
    } finally {
      await close();
    }
  });
});

describe('permalinks', () => {
  test('a clause permalink opens its position with the clause highlighted and in view', async () => {
    const { page, close } = await open(paths.clause, { width: 360, height: 740 });
    try {
      const target = page.locator('.clause.is-target');
      await target.waitFor();
      assert.equal(await target.getAttribute('data-address'), '3.1.2.7');
      assert.equal(await page.locator('.clause.is-target').count(), 1);
      assert.equal((await page.locator('h1').textContent()).trim(), '客服主管');
      assert.ok(await target.isVisible());
      const inView = await target.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top < window.innerHeight && r.bottom > 0;
      });
      assert.ok(inView, 'highlighted clause scrolled into view');
      assert.match(await target.locator('.citation-text').textContent(), /3\.1\.2 第7条\(客服主管\)/);
    } finally {
      await close();
    }
  });

  test('copy buttons put the absolute link and the exact citation on the clipboard', async () => {
    const { page, close } = await open(paths.clause, {});
    try {
      const link = page.locator('.clause.is-target .copy-link');
      await link.click();
      await page.waitForFunction(() => document.querySelector('.copy-link')?.textContent.includes('已复制'));
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${server.url}${paths.clause}`);

      await page.locator('.clause.is-target .copy-citation').click();
      await page.waitForFunction(() => document.querySelector('.copy-citation')?.textContent.includes('已复制'));
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), paths.citation);
    } finally {
      await close();
    }
  });

  test('copying falls back to execCommand where the Clipboard API is missing', async () => {
    const init = () => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
      window.__copied = [];
      document.addEventListener('copy', (event) => {
        const el = event.target.closest ? event.target.closest('textarea') : null;
        const active = document.activeElement;
        const area = el || (active && active.tagName === 'TEXTAREA' ? active : null);
        window.__copied.push(area ? area.value.slice(area.selectionStart, area.selectionEnd) : String(document.getSelection()));
      });
    };
    const { page, close } = await open(paths.clause, { init });
    try {
      await page.locator('.clause.is-target .copy-citation').click();
      await page.waitForFunction(() => document.querySelector('.copy-citation')?.textContent.includes('已复制'));
      assert.deepEqual(await page.evaluate(() => window.__copied), [paths.citation]);
      assert.equal(await page.locator('textarea').count(), 0, 'helper removed');
    } finally {
      await close();
    }
  });

  test('a general clause opens in its section, cited without a position', async () => {
    const { page, close } = await open('/c/wuye-gangwei/1.3.3', {});
    try {
      const target = page.locator('.clause.is-target');
      await target.waitFor();
      assert.equal(await target.getAttribute('data-address'), '1.3.3');
      assert.match(await page.locator('h1').textContent(), /1\.3 基本原则/);
      assert.ok(await page.locator('.clause').count() >= 5, 'the whole section is listed');
      await target.locator('.copy-citation').click();
      await page.waitForFunction(() => document.querySelector('.copy-citation')?.textContent.includes('已复制'));
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '《物业公司人员岗位职责手册》1.3 第3条');
    } finally {
      await close();
    }
  });

  test('an unknown permalink says so', async () => {
    const { page, close } = await open('/c/wuye-gangwei/9.9.9');
    try {
      assert.match(await page.locator('h1').textContent(), /找不到这个条款/);
    } finally {
      await close();
    }
  });

  test('clicking a cite inside a page moves the highlight and the URL', async () => {
    const { page, close } = await open('/p/wuye-gangwei/%E5%AE%A2%E6%9C%8D%E4%B8%BB%E7%AE%A1');
    try {
      await page.locator('.clause[data-address="3.1.2.3"] .clause-cite').click();
      await page.waitForSelector('.clause.is-target[data-address="3.1.2.3"]');
      assert.equal(new URL(page.url()).pathname, '/c/wuye-gangwei/3.1.2.3');
    } finally {
      await close();
    }
  });
});

describe('pages', () => {
  test('a position page has its duties, reporting lines and its part in the other manual', async () => {
    const { page, close } = await open(`/p/wuye-gangwei/${encodeURIComponent('秩序维护员')}`);
    try {
      assert.equal((await page.locator('h1').textContent()).trim(), '秩序维护员');
      assert.match(await page.locator('.aliases').first().textContent(), /保安员/);
      assert.ok(await page.locator('.subsection-title', { hasText: '主要职责' }).count() > 0);
      const elsewhere = page.locator('.elsewhere');
      assert.match(await elsewhere.locator('h2').textContent(), /突发事件应急处置职责/);
      const places = await elsewhere.locator('summary').allTextContents();
      assert.ok(places.some((t) => t.includes('火灾')) && places.some((t) => t.includes('电梯困人')), places.join('|'));
      await page.locator('.facts a', { hasText: '秩序维护领班' }).click();
      await page.waitForFunction(() => document.querySelector('h1')?.textContent.trim() === '秩序维护领班');
      const subordinates = await page.locator('.facts dd').nth(2).locator('a').allTextContents();
      assert.ok(subordinates.includes('秩序维护员'), subordinates.join(','));
    } finally {
      await close();
    }
  });

  test('manual, department and section pages can be browsed', async () => {
    const { page, close } = await open('/?m=wuye-gangwei');
    try {
      assert.equal((await page.locator('h1').textContent()).trim(), '物业公司人员岗位职责手册');
      assert.ok(await page.locator('.toc-chapter').count() >= 9);
      await page.locator('.dept-name a', { hasText: '工程部' }).click();
      await page.waitForSelector('.position-card');
      assert.equal(await page.locator('.position-card').count(), 6);
      await page.goBack();
      await page.locator('a.general-section', { hasText: '1.3 基本原则' }).click();
      await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('基本原则'));
      assert.ok(await page.locator('.clause').count() >= 7);
    } finally {
      await close();
    }
  });

  test('the organisation chart draws positions as links along the reporting lines', async () => {
    const { page, close } = await open('/?view=org');
    try {
      const nodes = page.locator('.org-tree a.org-node');
      assert.ok(await nodes.count() >= 38, `nodes: ${await nodes.count()}`);
      // 客服专员 sits under 客服主管, which sits under 物业经理
      const chain = await page.locator('.org-tree a.org-node', { hasText: '客服专员' }).evaluate((a) => {
        const names = [];
        for (let li = a.closest('li'); li; li = li.parentElement.closest('li')) {
          names.push(li.querySelector(':scope > a .org-name').textContent);
        }
        return names;
      });
      assert.deepEqual(chain, ['客服专员', '客服主管', '物业经理', '总经理']);
      const link = page.locator('.org-tree a.org-node', { hasText: '客服主管' });
      assert.equal(await link.getAttribute('href'), `/p/wuye-gangwei/${encodeURIComponent('客服主管')}`);
      await link.click();
      await page.waitForFunction(() => document.querySelector('h1')?.textContent.trim() === '客服主管');
    } finally {
      await close();
    }
  });
});

describe('phone', () => {
  const pages = [
    '/',
    `/?q=${encodeURIComponent('谁负责催缴物业费')}`,
    `/p/wuye-gangwei/${encodeURIComponent('秩序维护员')}`,
    paths.clause,
    '/?view=org',
    '/?m=wuye-gangwei',
    `/?m=wuye-gangwei&d=${encodeURIComponent('秩序维护部')}`,
  ];

  test('at 360 px nothing scrolls sideways and the answer is on the first screen', async () => {
    const { page, close } = await open('/', { width: 360, height: 740 });
    try {
      await typeQuery(page, '水管爆了找谁');
      await page.waitForSelector('.answer-card');
      const box = await page.locator('.answer-card .answer-position').boundingBox();
      assert.ok(box && box.y + box.height <= 740, `answer at y=${box && box.y}`);
      assert.ok(await page.locator('.answer-card .answer-clause').isVisible());
      for (const path of pages) {
        await page.goto(server.url + path);
        await page.waitForSelector('html[data-ready="true"]');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 360, `${path}: scrollWidth ${width}`);
      }
    } finally {
      await close();
    }
  });
});

test('no page errors and no CSP violations', () => {
  assert.deepEqual(problems, []);
});
