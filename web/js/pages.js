// Pages to read and browse: home, manuals, a manual, a department, a general section,
// a position (with its part in the other manual), and a clause permalink.

import * as api from './api.js';
import {
  h, replaceChildren, clauseNode, clauseUrl, positionUrl, manualUrl, departmentUrl, sectionUrl,
  orgUrl, searchUrl, citation, headingNumber, headingTitle, shortCite, copyButton, citeOf,
} from './dom.js';

export const EXAMPLES = [
  '谁负责催缴物业费？',
  '水管爆了找谁',
  '前台平时做什么',
  '电梯困人时谁通知维保单位',
  '客服专员的直接上级是谁',
  '装修申请由谁审核',
  '着火了保安要做什么',
  '业主钥匙托管找谁',
];

/** Map of manual id → title. */
export async function manualTitles() {
  try {
    const list = await api.manuals();
    return new Map(list.map((m) => [m.id, m.title]));
  } catch {
    return new Map();
  }
}

export function examplesBlock(title = '可以这样问') {
  return h('section', { class: 'examples', 'aria-labelledby': 'examples-title' },
    h('h2', { class: 'block-title', id: 'examples-title', text: title }),
    h('ul', { class: 'example-list' }, EXAMPLES.map((q) => h('li', null,
      h('a', { class: 'example', href: searchUrl(q, ''), 'data-query': q }, q)))));
}

function crumbs(...items) {
  const list = h('ol', null, items.filter(Boolean).map((item, i, all) => h('li', null,
    item.href && i < all.length - 1
      ? h('a', { href: item.href }, item.text)
      : h('span', { 'aria-current': i === all.length - 1 ? 'page' : null, text: item.text }))));
  return h('nav', { class: 'crumbs', 'aria-label': '当前位置' }, list);
}

function setTitle(...parts) {
  document.title = [...parts.filter(Boolean), '岗位职责速查'].join(' - ');
}

function countsText(counts) {
  if (!counts) return '';
  return `${counts.chapters ?? 0} 章 · ${counts.positions ?? 0} 个岗位 · 共 ${counts.clauses ?? 0} 条`;
}

function manualCard(m) {
  return h('li', { class: 'manual-card' },
    h('h3', { class: 'manual-card-title' }, h('a', { href: manualUrl(m.id) }, m.title)),
    h('p', { class: 'muted', text: countsText(m.counts) }),
    h('p', { class: 'manual-card-links' },
      h('a', { href: manualUrl(m.id) }, '目录与部门'),
      h('a', { href: orgUrl(m.id) }, '组织架构'),
    ));
}

// ---- home and manuals ------------------------------------------------------------------

export async function renderHome(ctx) {
  setTitle();
  const intro = h('section', { class: 'intro', 'aria-labelledby': 'home-title' },
    h('h1', { id: 'home-title', text: '问一句，找到负责的岗位' }),
    h('p', { class: 'lead', text: '像问同事一样输入问题，边输入边出结果：负责的岗位、所在部门，以及手册里的原文条款和编号。' }));
  replaceChildren(ctx.main, intro, examplesBlock());
  let list;
  try {
    list = await api.manuals();
  } catch {
    return;
  }
  if (!ctx.isCurrent()) return;
  ctx.main.appendChild(h('section', { class: 'result-block', 'aria-labelledby': 'manuals-title' },
    h('h2', { class: 'block-title', id: 'manuals-title', text: '浏览手册' }),
    h('ul', { class: 'manual-cards' }, list.map(manualCard))));
}

export async function renderManuals(ctx) {
  const list = await api.manuals();
  if (!ctx.isCurrent()) return;
  setTitle('手册目录');
  replaceChildren(ctx.main,
    crumbs({ text: '首页', href: '/' }, { text: '手册目录' }),
    h('h1', { text: '手册目录' }),
    h('ul', { class: 'manual-cards' }, list.map(manualCard)));
}

// ---- a manual ----------------------------------------------------------------------------

function sectionLink(manualId, section) {
  if (section.position) {
    return h('a', { href: positionUrl(manualId, section.position) }, `${section.number} ${section.title}`);
  }
  return h('a', { href: sectionUrl(manualId, section.number), class: 'general-section' },
    `${section.number} ${section.title}`);
}

export async function renderManual(ctx, manualId) {
  const m = await api.manual(manualId);
  if (!ctx.isCurrent()) return;
  setTitle(m.title);
  const preface = (m.preface || []).length
    ? h('details', { class: 'preface' },
      h('summary', null, '前言'),
      h('ol', { class: 'clauses' }, m.preface.map((c) => clauseItem({
        manual: m.id, manualTitle: m.title, position: null, clause: c,
      }))))
    : null;
  replaceChildren(ctx.main,
    crumbs({ text: '首页', href: '/' }, { text: '手册目录', href: '/?view=manuals' }, { text: m.title }),
    h('header', { class: 'page-head' },
      h('h1', { text: m.title }),
      h('p', { class: 'muted', text: countsText(m.counts) }),
      h('p', { class: 'page-actions' },
        h('a', { class: 'button-link', href: orgUrl(m.id) }, '查看组织架构图'))),
    preface,
    h('section', { class: 'result-block', 'aria-labelledby': 'toc-title' },
      h('h2', { class: 'block-title', id: 'toc-title', text: '目录' }),
      h('ol', { class: 'toc-chapters' }, (m.chapters || []).map((c) => h('li', { class: 'toc-chapter' },
        h('h3', { class: 'toc-chapter-title', text: `${c.label} ${c.title}` }),
        h('ul', { class: 'toc-sections' }, c.sections.map((s) => h('li', null,
          sectionLink(m.id, s),
          s.position ? null : h('span', { class: 'muted small', text: ' 通用规定' })))))))),
    h('section', { class: 'result-block', 'aria-labelledby': 'dept-title' },
      h('h2', { class: 'block-title', id: 'dept-title', text: '部门与岗位' }),
      h('ul', { class: 'dept-list' }, (m.departments || []).map((d) => h('li', { class: 'dept-item' },
        h('h3', { class: 'dept-name' }, h('a', { href: departmentUrl(m.id, d.name) }, d.name)),
        h('ul', { class: 'chip-list' }, d.positions.map((p) => h('li', null,
          h('a', { class: 'chip', href: positionUrl(m.id, p) }, p)))))))));
}

// ---- a department --------------------------------------------------------------------

function overviewOf(position) {
  for (const place of position.places || []) {
    for (const sub of place.subsections || []) {
      if (sub.title === '岗位概述' && sub.clauses && sub.clauses.length) return sub.clauses[0];
    }
  }
  const first = position.places && position.places[0];
  const sub = first && first.subsections && first.subsections[0];
  return sub && sub.clauses ? sub.clauses[0] : null;
}

function clauseCount(position) {
  let n = 0;
  for (const place of position.places || []) {
    for (const sub of place.subsections || []) n += (sub.clauses || []).length;
  }
  return n;
}

function peopleLinks(manualId, names) {
  if (!names || !names.length) return h('span', { class: 'muted', text: '无' });
  return names.map((name, i) => [i ? '、' : null, h('a', { href: positionUrl(manualId, name) }, name)]);
}

export async function renderDepartment(ctx, manualId, name) {
  const m = await api.manual(manualId);
  const dept = (m.departments || []).find((d) => d.name === name);
  if (!ctx.isCurrent()) return;
  if (!dept) {
    renderNotFound(ctx, '找不到这个部门', `《${m.title}》中没有“${name}”。`, manualUrl(m.id), '返回手册');
    return;
  }
  const positions = await Promise.all(dept.positions.map((p) => api.position(m.id, p).catch(() => null)));
  if (!ctx.isCurrent()) return;
  setTitle(name, m.title);
  replaceChildren(ctx.main,
    crumbs({ text: m.title, href: manualUrl(m.id) }, { text: name }),
    h('header', { class: 'page-head' },
      h('h1', { text: name }),
      h('p', { class: 'muted', text: `《${m.title}》 · ${dept.positions.length} 个岗位` }),
      h('p', { class: 'page-actions' }, h('a', { class: 'button-link', href: orgUrl(m.id) }, '在组织架构图中查看'))),
    h('ul', { class: 'position-cards' }, positions.filter(Boolean).map((p) => {
      const overview = overviewOf(p);
      return h('li', { class: 'position-card' },
        h('h2', { class: 'position-card-title' }, h('a', { href: positionUrl(m.id, p.name) }, p.name),
          p.aliases && p.aliases.length ? h('span', { class: 'aliases', text: `（又称${p.aliases.join('、')}）` }) : null),
        hasReportingLines(p) ? h('dl', { class: 'facts compact' },
          h('dt', null, '直接上级'), h('dd', null, peopleLinks(m.id, p.superiors)),
          h('dt', null, '直接下级'), h('dd', null, peopleLinks(m.id, p.subordinates))) : null,
        overview ? h('p', { class: 'overview', text: overview.text }) : null,
        h('p', { class: 'small' }, h('a', { href: positionUrl(m.id, p.name) }, `全部 ${clauseCount(p)} 条职责 →`)));
    })));
}

// ---- clauses -----------------------------------------------------------------------------

const clauseId = (manual, address) => `c-${manual}-${address}`;

/**
 * One clause in a list. The highlighted one (from a permalink) carries the tools: the
 * citation as text, copy link, copy citation, and its neighbours.
 */
function clauseItem({ manual, manualTitle, position, clause, target = null }) {
  const isTarget = target && target.address === clause.address && target.manual === manual;
  const item = h('li', {
    class: isTarget ? 'clause is-target' : 'clause',
    id: clauseId(manual, clause.address),
    'data-address': clause.address,
    'aria-current': isTarget ? 'true' : null,
  },
  h('a', { class: 'clause-cite', href: clauseUrl(manual, clause.address), title: `${clause.cite}（固定链接）`,
    'aria-label': `${clause.cite}，固定链接` }, shortCite(clause.cite)),
  h('div', { class: 'clause-body' }, clauseNode(clause.html || clause.text || '')));
  if (isTarget) item.appendChild(clauseTools(manual, manualTitle, position, clause, target.detail));
  return item;
}

function clauseTools(manual, manualTitle, position, clause, detail) {
  const absolute = () => new URL(clauseUrl(manual, clause.address), location.origin).href;
  const cited = citation(manualTitle, clause.cite, position);
  const neighbours = detail && (detail.previous || detail.next)
    ? h('p', { class: 'clause-neighbours' },
      detail.previous ? h('a', { href: clauseUrl(manual, detail.previous), rel: 'prev' }, `← 上一条 ${citeOf(detail.previous)}`) : null,
      detail.next ? h('a', { href: clauseUrl(manual, detail.next), rel: 'next' }, `下一条 ${citeOf(detail.next)} →`) : null)
    : null;
  return h('div', { class: 'clause-tools', role: 'group', 'aria-label': `${clause.cite} 的链接与引用` },
    h('p', { class: 'clause-citation' }, h('span', { class: 'muted', text: '引用：' }),
      h('span', { class: 'citation-text', text: cited })),
    h('p', { class: 'clause-buttons' },
      copyButton('复制链接', absolute, 'copy-link'),
      copyButton('复制引用', () => cited, 'copy-citation')),
    neighbours);
}

function subsectionBlock({ manual, manualTitle, position, sub, target, level }) {
  const number = headingNumber(sub.heading);
  return h('section', { class: 'subsection', id: `sub-${manual}-${number || sub.heading}` },
    h(`h${level}`, { class: 'subsection-title' },
      number ? h('span', { class: 'num', text: number }) : null, sub.title || headingTitle(sub.heading)),
    h('ol', { class: 'clauses' }, (sub.clauses || []).map((clause) => clauseItem({
      manual, manualTitle, position, clause, target,
    }))));
}

function placeContains(place, target, manual) {
  if (!target || target.manual !== manual) return false;
  return (place.subsections || []).some((s) => (s.clauses || []).some((c) => c.address === target.address));
}

function placeTitle(place) {
  return place.chapter || place.section || '';
}

// ---- a position ------------------------------------------------------------------------

const hasReportingLines = (p) => (p.superiors || []).length > 0 || (p.subordinates || []).length > 0;

// The position's reporting lines; where its manual has none (the emergency manual), those
// the same job has in the other manual, saying where they come from.
async function reportingLines(p, titles) {
  const own = { manual: p.manual, superiors: p.superiors || [], subordinates: p.subordinates || [], from: null };
  if (hasReportingLines(p)) return own;
  for (const other of p.elsewhere || []) {
    try {
      const o = await api.position(other.manual, p.name);
      if (hasReportingLines(o)) {
        return { manual: other.manual, superiors: o.superiors || [], subordinates: o.subordinates || [], from: titles.get(other.manual) || other.manual };
      }
    } catch {
      // keep our own (empty) lines
    }
  }
  return own;
}

/**
 * A position's page. target: {manual, address, detail} when opened from a clause
 * permalink; that clause is highlighted and gets the copy buttons.
 */
export async function renderPosition(ctx, manualId, name, target) {
  const [p, titles] = await Promise.all([api.position(manualId, name), manualTitles()]);
  if (!ctx.isCurrent()) return;
  const manualTitle = p.manual_title || titles.get(p.manual) || p.manual;
  setTitle(target ? `${target.detail ? target.detail.cite : target.address} ${p.name}` : p.name, manualTitle);

  const places = p.places || [];
  const several = places.length > 1;
  const toc = [];
  const body = [];
  if (several) {
    for (const place of places) {
      const id = `place-${p.manual}-${headingNumber(place.section) || place.section}`;
      toc.push({ id, text: headingTitle(place.chapter).replace(/^第\S+章\s*/, '') || place.section });
      body.push(h('section', { class: 'place', id },
        h('h2', { class: 'place-title' }, place.chapter,
          h('span', { class: 'place-section muted', text: ` ${place.section}` })),
        (place.subsections || []).map((sub) => subsectionBlock({
          manual: p.manual, manualTitle, position: p.name, sub, target, level: 3,
        }))));
    }
  } else if (places.length) {
    for (const sub of places[0].subsections || []) {
      toc.push({ id: `sub-${p.manual}-${headingNumber(sub.heading) || sub.heading}`, text: sub.title || headingTitle(sub.heading) });
      body.push(subsectionBlock({ manual: p.manual, manualTitle, position: p.name, sub, target, level: 2 }));
    }
  }

  const elsewhere = (p.elsewhere || []).filter((e) => (e.places || []).length).map((e) => {
    const otherTitle = titles.get(e.manual) || e.manual;
    const id = `elsewhere-${e.manual}`;
    toc.push({ id, text: `《${otherTitle}》中的职责` });
    return h('section', { class: 'elsewhere', id, 'aria-labelledby': `${id}-title` },
      h('h2', { class: 'elsewhere-title', id: `${id}-title` }, `在《${otherTitle}》中`),
      h('p', { class: 'muted' }, `同一岗位在另一本手册中的职责。`,
        h('a', { href: positionUrl(e.manual, p.name) }, `打开该手册中的${p.name}页面`)),
      e.places.map((place) => {
        const count = (place.subsections || []).reduce((n, s) => n + (s.clauses || []).length, 0);
        return h('details', { class: 'place-details', open: placeContains(place, target, e.manual) || e.places.length === 1 },
          h('summary', null, h('span', { class: 'place-summary-title', text: placeTitle(place) }),
            h('span', { class: 'muted small', text: ` ${place.section} · ${count} 条` })),
          (place.subsections || []).map((sub) => subsectionBlock({
            manual: e.manual, manualTitle: otherTitle, position: p.name, sub, target, level: 3,
          })));
      }));
  });

  const lines = await reportingLines(p, titles);
  if (!ctx.isCurrent()) return;
  const source = lines.from ? h('p', { class: 'muted small facts-note', text: `上下级关系据《${lines.from}》，本手册未另行规定。` }) : null;
  const facts = h('dl', { class: 'facts' },
    h('dt', null, '部门'),
    h('dd', null, p.department ? h('a', { href: departmentUrl(p.manual, p.department) }, p.department) : h('span', { class: 'muted', text: '未注明' })),
    h('dt', null, '直接上级'), h('dd', null, peopleLinks(lines.manual, lines.superiors)),
    h('dt', null, '直接下级'), h('dd', null, peopleLinks(lines.manual, lines.subordinates)),
    h('dt', null, '手册'), h('dd', null, h('a', { href: manualUrl(p.manual) }, manualTitle)));

  replaceChildren(ctx.main,
    crumbs({ text: manualTitle, href: manualUrl(p.manual) },
      p.department ? { text: p.department, href: departmentUrl(p.manual, p.department) } : null,
      { text: p.name }),
    h('header', { class: 'page-head' },
      h('p', { class: 'eyebrow', text: '岗位' }),
      h('h1', { class: 'position-name' }, p.name),
      (p.aliases || []).length ? h('p', { class: 'aliases', text: `又称：${p.aliases.join('、')}` }) : null,
      p.note ? h('p', { class: 'muted', text: `说明：${p.note}` }) : null,
      facts,
      source,
      toc.length > 1 ? h('nav', { class: 'toc', 'aria-label': '本页目录' },
        h('ul', { class: 'chip-list' }, toc.map((t) => h('li', null, h('a', { class: 'chip', href: `#${t.id}` }, t.text))))) : null),
    body,
    elsewhere);

  markTarget(ctx, target);
}

// The clause a permalink points at: scrolled to and focused once the page is drawn.
function markTarget(ctx, target) {
  if (!target) return;
  const el = document.getElementById(clauseId(target.manual, target.address));
  if (!el) return;
  ctx.scrollTarget = el;
  ctx.focusTarget = el;
  el.setAttribute('tabindex', '-1');
}

// ---- general sections (总则, 处置要点 …) -----------------------------------------------

function sectionOf(clause) {
  const number = headingNumber(clause.heading);
  if (!number) return clause.heading || '';
  return number.split('.').slice(0, 2).join('.');
}

function findSection(m, number) {
  for (const chapter of m.chapters || []) {
    for (const s of chapter.sections || []) {
      if (s.number === number) return { chapter, section: s };
    }
  }
  return null;
}

async function renderSection(ctx, m, number, clauses, target) {
  const found = findSection(m, number);
  const isPreface = number === '前言';
  const title = isPreface ? '前言' : found ? `${found.section.number} ${found.section.title}` : number;
  const groups = [];
  for (const c of clauses) {
    const last = groups[groups.length - 1];
    if (last && last.heading === c.heading) last.clauses.push(c);
    else groups.push({ heading: c.heading, title: headingTitle(c.heading), clauses: [c] });
  }
  setTitle(target && target.detail ? `${target.detail.cite}` : title, m.title);
  const chapterText = found ? `${found.chapter.label} ${found.chapter.title}` : null;
  replaceChildren(ctx.main,
    crumbs({ text: m.title, href: manualUrl(m.id) }, chapterText ? { text: chapterText, href: manualUrl(m.id) } : null, { text: title }),
    h('header', { class: 'page-head' },
      h('p', { class: 'eyebrow', text: isPreface ? '前言' : '通用规定' }),
      h('h1', { text: title }),
      h('p', { class: 'muted', text: `《${m.title}》${chapterText ? ` · ${chapterText}` : ''} · 适用于全体相关岗位` })),
    groups.map((g) => {
      const ownHeading = headingNumber(g.heading) === number || isPreface;
      const list = h('ol', { class: 'clauses' }, g.clauses.map((clause) => clauseItem({
        manual: m.id, manualTitle: m.title, position: null, clause, target,
      })));
      return ownHeading
        ? h('section', { class: 'subsection' }, list)
        : h('section', { class: 'subsection', id: `sub-${m.id}-${headingNumber(g.heading)}` },
          h('h2', { class: 'subsection-title' }, h('span', { class: 'num', text: headingNumber(g.heading) }), g.title),
          list);
    }));
  markTarget(ctx, target);
}

export async function renderSectionPage(ctx, manualId, number) {
  const m = await api.manual(manualId);
  if (!ctx.isCurrent()) return;
  if (number === '前言') {
    await renderSection(ctx, m, number, m.preface || [], null);
    return;
  }
  const found = findSection(m, number);
  if (found && found.section.position) {
    await renderPosition(ctx, m.id, found.section.position, null);
    return;
  }
  if (!found) {
    renderNotFound(ctx, '找不到这一节', `《${m.title}》中没有第 ${number} 节。`, manualUrl(m.id), '返回手册');
    return;
  }
  const { clauses } = await api.section(m.id, number);
  if (!ctx.isCurrent()) return;
  await renderSection(ctx, m, number, clauses, null);
}

// ---- a clause permalink --------------------------------------------------------------------

export async function renderClause(ctx, manualId, address) {
  const detail = await api.clause(manualId, address);
  if (!ctx.isCurrent()) return;
  const target = { manual: detail.manual || manualId, address: detail.address, detail };
  if (detail.position) {
    await renderPosition(ctx, target.manual, detail.position, target);
    return;
  }
  const m = await api.manual(target.manual);
  if (!ctx.isCurrent()) return;
  if (detail.heading === '前言') {
    await renderSection(ctx, m, '前言', m.preface || [], target);
    return;
  }
  const { clauses } = await api.section(m.id, sectionOf(detail));
  if (!ctx.isCurrent()) return;
  await renderSection(ctx, m, sectionOf(detail), clauses, target);
}

// ---- errors ------------------------------------------------------------------------------

export function renderNotFound(ctx, title, message, href = '/', linkText = '回到首页') {
  setTitle(title);
  replaceChildren(ctx.main,
    h('section', { class: 'empty-result', 'aria-labelledby': 'nf-title' },
      h('h1', { id: 'nf-title', class: 'empty-title', text: title }),
      h('p', { text: message }),
      h('p', null, h('a', { class: 'button-link', href }, linkText))),
    examplesBlock('或者直接问'));
}

export function renderError(ctx, error) {
  if (error && error.status === 404) {
    const what = ctx.route.kind === 'clause' ? '找不到这个条款'
      : ctx.route.kind === 'position' ? '找不到这个岗位'
        : ctx.route.kind === 'manual' || ctx.route.kind === 'org' ? '找不到这本手册' : '找不到要找的内容';
    const detail = ctx.route.kind === 'clause'
      ? `链接中的条款“${ctx.route.address}”不存在，可能手册已修订、条款已重新编号。`
      : ctx.route.kind === 'position'
        ? `手册中没有名为“${ctx.route.name}”的岗位。`
        : '链接可能有误，或手册已修订。';
    renderNotFound(ctx, what, detail);
    return;
  }
  setTitle('出错了');
  replaceChildren(ctx.main,
    h('section', { class: 'empty-result', role: 'alert' },
      h('h1', { class: 'empty-title', text: '暂时无法显示' }),
      h('p', { text: (error && error.message) || '出现了未知错误。' }),
      h('p', null, h('a', { class: 'button-link', href: location.pathname + location.search }, '重试'))));
}
