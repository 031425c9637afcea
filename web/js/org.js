// The organisation chart, drawn from the manual's reporting lines (直接上级/直接下级).
// Boxes are links and the lines are CSS borders: on a phone the chart is an indented
// tree, on a wide screen the departments under the manager stand side by side.

import * as api from './api.js';
import { h, replaceChildren, positionUrl, departmentUrl, manualUrl, orgUrl } from './dom.js';

function hasLines(m) {
  return (m.positions || []).some((p) => (p.superiors || []).length || (p.subordinates || []).length);
}

/** Children of each position: its 直接下级 and everyone naming it as 直接上级, in manual order. */
function buildTree(positions) {
  const byName = new Map(positions.map((p) => [p.name, p]));
  const order = new Map(positions.map((p, i) => [p.name, i]));
  const children = new Map(positions.map((p) => [p.name, new Set()]));
  for (const p of positions) {
    for (const sub of p.subordinates || []) if (byName.has(sub)) children.get(p.name).add(sub);
    for (const sup of p.superiors || []) if (byName.has(sup)) children.get(sup).add(p.name);
  }
  const sorted = new Map([...children].map(([name, set]) => [name, [...set].sort((a, b) => order.get(a) - order.get(b))]));
  const hasParent = new Set([...sorted.values()].flat());
  const roots = positions.filter((p) => !hasParent.has(p.name)).map((p) => p.name);
  return { byName, children: sorted, roots };
}

export async function renderOrg(ctx, manualId) {
  const list = await api.manuals();
  const details = await Promise.all(list.map((x) => api.manual(x.id)));
  const withLines = details.find(hasLines);
  // Without a choice, the manual that has reporting lines, or the first one.
  const id = manualId || (withLines || details[0] || {}).id;
  if (!id) throw Object.assign(new Error('没有可显示的手册'), { status: 404 });
  const m = await api.manual(id);
  if (!ctx.isCurrent()) return;
  document.title = `组织架构 - ${m.title} - 岗位职责速查`;

  // One colour per department name, the same in every manual.
  const departments = m.departments || [];
  const deptIndex = new Map();
  for (const d of [...details, m].flatMap((x) => x.departments || [])) {
    if (!deptIndex.has(d.name)) deptIndex.set(d.name, deptIndex.size % 8);
  }
  const tabs = list.length > 1
    ? h('nav', { class: 'tabs', 'aria-label': '选择手册' }, h('ul', null, list.map((x) => h('li', null,
      h('a', { href: orgUrl(x.id), 'aria-current': x.id === m.id ? 'page' : null }, x.title)))))
    : null;

  const positions = m.positions || [];
  let chart;
  let note;
  if (hasLines(m)) {
    chart = treeChart(m, positions, deptIndex);
    note = '方框为岗位，连线表示直接上下级关系（按手册中的“直接上级/直接下级”绘制）。点击岗位查看其全部职责。';
  } else {
    chart = departmentChart(m, deptIndex);
    note = '本手册没有规定上下级关系，以下按部门列出各岗位。点击岗位查看其在本手册中的职责。';
    if (withLines && withLines.id !== m.id) {
      note = [note, ' 日常的上下级关系见',
        h('a', { href: orgUrl(withLines.id) }, `《${withLines.title}》的组织架构`), '。'];
    }
  }

  replaceChildren(ctx.main,
    h('nav', { class: 'crumbs', 'aria-label': '当前位置' }, h('ol', null,
      h('li', null, h('a', { href: manualUrl(m.id) }, m.title)),
      h('li', null, h('span', { 'aria-current': 'page', text: '组织架构' })))),
    h('header', { class: 'page-head' },
      h('h1', { text: '组织架构' }),
      h('p', { class: 'muted' }, note)),
    tabs,
    h('figure', { class: 'org-figure' },
      chart,
      h('figcaption', { class: 'visually-hidden', text: `${m.title}的组织架构` })),
    legend(departments, m, deptIndex));
}

function nodeLink(m, p, deptIndex, showDept) {
  const dept = p.department || '';
  return h('a', {
    class: `org-node dept-${deptIndex.has(dept) ? deptIndex.get(dept) : 'x'}`,
    href: positionUrl(m.id, p.name),
  },
  h('span', { class: 'org-name', text: p.name }),
  showDept && dept ? h('span', { class: 'org-dept', text: dept }) : null);
}

function treeChart(m, positions, deptIndex) {
  const { byName, children, roots } = buildTree(positions);
  const seen = new Set();

  const renderNode = (name, parentDept) => {
    const p = byName.get(name);
    const kids = seen.has(name) ? [] : children.get(name) || [];
    seen.add(name);
    const showDept = (p.department || '') !== parentDept;
    const li = h('li', { class: 'org-item' }, nodeLink(m, p, deptIndex, showDept));
    if (kids.length) {
      // Where several children lead departments of their own, lay them out as columns.
      const heads = kids.filter((k) => (children.get(k) || []).length);
      const leaves = kids.filter((k) => !(children.get(k) || []).length);
      if (heads.length >= 3) {
        li.classList.add('has-branches');
        if (leaves.length) {
          li.appendChild(h('ul', { class: 'org-children org-staff', 'aria-label': `${name}的直属岗位` },
            leaves.map((k) => renderNode(k, p.department || ''))));
        }
        li.appendChild(h('ul', { class: 'org-children org-branches', 'aria-label': `${name}的下属部门负责人` },
          heads.map((k) => renderNode(k, p.department || ''))));
      } else {
        li.appendChild(h('ul', { class: 'org-children' }, kids.map((k) => renderNode(k, p.department || ''))));
      }
    }
    return li;
  };

  const tree = h('ul', { class: 'org-tree' }, roots.map((r) => renderNode(r, '')));
  const orphans = positions.filter((p) => !seen.has(p.name));
  return h('div', { class: 'org-chart' },
    tree,
    orphans.length ? h('div', { class: 'org-orphans' },
      h('h2', { class: 'block-title', text: '未标明上下级的岗位' }),
      h('ul', { class: 'chip-list' }, orphans.map((p) => h('li', null, nodeLink(m, p, deptIndex, true)))))
      : null);
}

function departmentChart(m, deptIndex) {
  const byName = new Map((m.positions || []).map((p) => [p.name, p]));
  return h('div', { class: 'org-chart' },
    h('ul', { class: 'org-departments' }, (m.departments || []).map((d) => h('li', { class: `org-department dept-${deptIndex.get(d.name)}` },
      h('h2', { class: 'org-department-name' }, h('a', { href: departmentUrl(m.id, d.name) }, d.name)),
      h('ul', { class: 'org-department-positions' }, d.positions.map((name) => h('li', null,
        nodeLink(m, byName.get(name) || { name, department: d.name }, deptIndex, false))))))));
}

function legend(departments, m, deptIndex) {
  if (!departments.length) return null;
  return h('section', { class: 'org-legend', 'aria-labelledby': 'legend-title' },
    h('h2', { class: 'block-title', id: 'legend-title', text: '部门' }),
    h('ul', { class: 'chip-list' }, departments.map((d) => h('li', null,
      h('a', { class: `chip legend-chip dept-${deptIndex.get(d.name)}`, href: departmentUrl(m.id, d.name) },
        `${d.name}（${d.positions.length}）`)))));
}
