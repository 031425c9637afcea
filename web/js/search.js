// Search results: the best answer as a card, then the other positions, then the clauses.

import * as api from './api.js';
import {
  h, replaceChildren, snippetNode, announce, clauseUrl, positionUrl, departmentUrl,
  headingTitle, searchUrl, citeOf,
} from './dom.js';
import { examplesBlock, manualTitles } from './pages.js';

function hitKey(manual, address) {
  return `${manual}\u0000${address}`;
}

/** A clause reference for a supporting clause: the hit when the search returned it. */
async function supportingClause(hitsByKey, manual, address) {
  const hit = hitsByKey.get(hitKey(manual, address));
  if (hit) return hit;
  try {
    const c = await api.clause(manual, address);
    return { ...c, snippet: null };
  } catch {
    return null;
  }
}

function clauseQuote(clause, { withPosition = false, titles } = {}) {
  const body = clause.snippet != null
    ? h('p', { class: 'quote-text' }, snippetNode(clause.snippet))
    : h('p', { class: 'quote-text', text: clause.text || '' });
  const meta = h('p', { class: 'quote-meta' },
    h('a', { class: 'cite-link', href: clauseUrl(clause.manual, clause.address),
      title: '打开条款（可复制链接和引用）' }, clause.cite),
    clause.heading ? h('span', { class: 'quote-heading', text: headingTitle(clause.heading) }) : null,
    withPosition && clause.position
      ? h('a', { class: 'quote-position', href: positionUrl(clause.manual, clause.position) }, clause.position)
      : null,
    withPosition && !clause.position && clause.chapter
      ? h('span', { class: 'quote-heading', text: clause.chapter })
      : null,
    titles && titles.size > 1 ? h('span', { class: 'quote-manual', text: titles.get(clause.manual) || clause.manual }) : null,
  );
  return h('div', { class: 'quote' }, body, meta);
}

function answerTitle(answer) {
  if (answer.relation && answer.relation_of) {
    return `${answer.relation_of}的${answer.relation}`;
  }
  return null;
}

/**
 * The answers after the first that the server calls as close as the first
 * (result.contenders counts positions, the first included): one per position.
 */
function rivalsOf(result, answers) {
  const wanted = (result.contenders || 0) - 1;
  if (wanted < 1 || !answers.length) return [];
  const seen = new Set([answers[0].position]);
  const rivals = [];
  for (const answer of answers.slice(1)) {
    if (rivals.length === wanted) break;
    if (seen.has(answer.position)) continue;
    seen.add(answer.position);
    rivals.push(answer);
  }
  return rivals;
}

/** A position that scores as well as the first answer, with its best clause to compare. */
async function rivalItem(answer, hitsByKey, titles) {
  const address = (answer.clauses || [])[0];
  const clause = address ? await supportingClause(hitsByKey, answer.manual, address) : null;
  return h('li', { class: 'rival' },
    h('p', { class: 'rival-name' },
      h('a', { class: 'answer-item-name', href: positionUrl(answer.manual, answer.position) }, answer.position),
      h('span', { class: 'answer-item-meta' },
        [answer.department, titles.size > 1 ? titles.get(answer.manual) : null].filter(Boolean).join(' · '))),
    clause ? clauseQuote(clause) : null);
}

async function rivalsBlock(rivals, hitsByKey, titles) {
  if (!rivals.length) return null;
  const items = await Promise.all(rivals.map((a) => rivalItem(a, hitsByKey, titles)));
  return h('section', { class: 'result-block rivals', 'aria-labelledby': 'rivals-title' },
    h('h2', { class: 'block-title', id: 'rivals-title', text: '同样可能负责的岗位' }),
    h('ul', { class: 'rival-list' }, items));
}

async function answerCard(result, answer, hitsByKey, titles) {
  const relation = answerTitle(answer);
  const closeCall = (result.contenders || 0) > 1;
  const clauses = (await Promise.all(
    (answer.clauses || []).slice(0, 3).map((address) => supportingClause(hitsByKey, answer.manual, address)),
  )).filter(Boolean);
  const [first, ...rest] = clauses;
  const manualName = titles.get(answer.manual) || answer.manual;
  return h('article', { class: 'answer-card', 'aria-labelledby': 'answer-title' },
    h('p', { class: 'answer-eyebrow', text: relation ? '上下级关系' : (closeCall ? '可能负责的岗位' : '最可能负责的岗位') }),
    h('h2', { class: 'answer-title', id: 'answer-title' },
      relation ? h('span', { class: 'answer-relation', text: `${relation}：` }) : null,
      h('a', { href: positionUrl(answer.manual, answer.position), class: 'answer-position' }, answer.position)),
    h('p', { class: 'answer-meta' },
      answer.department
        ? h('a', { class: 'tag tag-dept', href: departmentUrl(answer.manual, answer.department) }, answer.department)
        : null,
      h('span', { class: 'tag tag-manual', text: manualName })),
    relation ? h('p', { class: 'answer-basis' }, '依据：',
      h('a', { href: positionUrl(answer.manual, answer.relation_of) }, answer.relation_of),
      `岗位在《${manualName}》中写明的“${answer.relation}”。`) : null,
    first ? h('div', { class: 'answer-clause' },
      h('p', { class: 'answer-label', text: relation ? '相关条款' : '依据' }),
      clauseQuote(first)) : null,
    rest.length ? h('div', { class: 'answer-more-clauses' },
      h('p', { class: 'answer-label', text: '其他依据' }),
      h('ul', { class: 'plain-list' }, rest.map((c) => h('li', null, clauseQuote(c))))) : null,
    h('p', { class: 'answer-actions' },
      h('a', { class: 'button-link', href: positionUrl(answer.manual, answer.position) },
        `查看${answer.position}的全部职责`)),
  );
}

function otherAnswers(answers, titles) {
  if (!answers.length) return null;
  return h('section', { class: 'result-block', 'aria-labelledby': 'other-answers-title' },
    h('h2', { class: 'block-title', id: 'other-answers-title', text: '其他可能相关的岗位' }),
    h('ul', { class: 'answer-list' }, answers.map((a) => {
      const relation = answerTitle(a);
      return h('li', { class: 'answer-item' },
        h('a', { class: 'answer-item-name', href: positionUrl(a.manual, a.position) },
          relation ? `${relation}：${a.position}` : a.position),
        h('span', { class: 'answer-item-meta' },
          [a.department, titles.size > 1 ? titles.get(a.manual) : null].filter(Boolean).join(' · ')),
        (a.clauses || []).length
          ? h('span', { class: 'answer-item-cites' },
            '依据 ',
            (a.clauses || []).slice(0, 3).map((address, i) => [
              i ? '、' : null,
              h('a', { href: clauseUrl(a.manual, address) }, citeOf(address)),
            ]))
          : null);
    })));
}

function hitList(hits, titles, heading) {
  if (!hits.length) return null;
  return h('section', { class: 'result-block', 'aria-labelledby': 'hits-title' },
    h('h2', { class: 'block-title', id: 'hits-title', text: heading }),
    h('ol', { class: 'hit-list' }, hits.map((hit) => h('li', { class: 'hit' },
      clauseQuote(hit, { withPosition: true, titles })))));
}

/**
 * Characters the server also searched as a word they sound like (水相 → 水箱, a slip of a
 * pinyin input method); each word links to the question with the slip corrected.
 */
function soundAlikeNote(result, q, manual) {
  const alikes = result.sound_alikes || [];
  if (!alikes.length) return null;
  return h('p', { class: 'sound-alike' }, alikes.map((alike, i) => [
    i ? '；' : null,
    `“${alike.typed}”也按`,
    alike.words.map((word) => h('a', { href: searchUrl(q.replace(alike.typed, word), manual) }, `“${word}”`)),
    '搜索',
  ]), '。');
}

/**
 * The chapter of an event the question names (第九章 高空坠物) and the section that sums up
 * how it is handled: someone in the middle of the event needs more than the one step asked
 * about.
 */
function eventNote(result) {
  const events = result.events || [];
  if (!events.length) return null;
  return h('ul', { class: 'event-notes' }, events.map((event) => h('li', { class: 'event-note' },
    `这是${event.chapter}的情形，整体要求见 `,
    h('a', { href: event.url, text: `${event.section} ${event.title}` }),
    '。')));
}

function noResults(q) {
  return h('section', { class: 'empty-result', 'aria-labelledby': 'empty-title' },
    h('h2', { id: 'empty-title', class: 'empty-title' }, '没有找到', h('q', { text: q }), '的相关条款'),
    h('p', null, '可以换个说法，或只输入关键词，例如“催缴”“钥匙”“电梯”“停水”；也可以从',
      h('a', { href: '/?view=manuals' }, '手册目录'), '或',
      h('a', { href: '/?view=org' }, '组织架构'), '浏览。'),
    examplesBlock('试试这些问题'));
}

export async function renderSearch(ctx, q, manual) {
  const { main } = ctx;
  const titlesPromise = manualTitles();
  let result = api.cachedSearch(q, manual);
  if (!result) {
    main.setAttribute('aria-busy', 'true');
    main.classList.add('is-loading');
    if (!main.querySelector('.search-results')) {
      replaceChildren(main, h('p', { class: 'loading', text: '正在搜索…' }));
    }
    try {
      result = await api.search(q, manual, ctx.signal);
    } catch (error) {
      if (!(error instanceof api.ApiError) || error.status !== 400 || !ctx.isCurrent()) throw error;
      // A question the server cannot take (too long, not text): say what to do instead.
      document.title = '无法搜索 - 岗位职责速查';
      replaceChildren(main, h('div', { class: 'search-results' },
        h('h1', { class: 'visually-hidden', text: `搜索：${q}` }),
        h('section', { class: 'empty-result', 'aria-labelledby': 'empty-title' },
          h('h2', { id: 'empty-title', class: 'empty-title', text: '这个问题无法搜索' }),
          h('p', { text: '问题可能太长（最多约 200 个字）或含有无法识别的字符。请缩短，或只输入关键词。' }))));
      announce('这个问题无法搜索，请缩短后再试');
      return;
    } finally {
      if (ctx.isCurrent()) {
        main.removeAttribute('aria-busy');
        main.classList.remove('is-loading');
      }
    }
  }
  const titles = await titlesPromise;
  if (!ctx.isCurrent()) return;
  document.title = `${q} - 岗位职责速查`;

  const answers = result.answers || [];
  const hits = result.hits || [];
  const hitsByKey = new Map(hits.map((hit) => [hitKey(hit.manual, hit.address), hit]));

  if (!hits.length && !answers.length) {
    replaceChildren(main, h('div', { class: 'search-results' },
      h('h1', { class: 'visually-hidden', text: `搜索：${q}` }), noResults(q)));
    announce(`没有找到“${q}”的相关条款`);
    return;
  }

  const top = answers[0] || null;
  const rivals = rivalsOf(result, answers);
  const [card, rivalSection] = await Promise.all([
    top ? answerCard(result, top, hitsByKey, titles) : null,
    rivalsBlock(rivals, hitsByKey, titles),
  ]);
  if (!ctx.isCurrent()) return;
  const shown = new Set(top ? (top.clauses || []).slice(0, 3).map((a) => hitKey(top.manual, a)) : []);
  for (const rival of rivals) shown.add(hitKey(rival.manual, (rival.clauses || [])[0]));
  const restHits = hits.filter((hit) => !shown.has(hitKey(hit.manual, hit.address)));
  const others = answers.slice(1).filter((a) => !rivals.includes(a)).slice(0, 5 - rivals.length);
  const scopeName = manual ? titles.get(manual) : null;

  const summary = h('p', { class: 'result-summary' },
    `找到 ${result.total ?? hits.length} 条相关条款`,
    scopeName ? `（仅《${scopeName}》）` : '',
    manual ? [' · ', h('a', { href: searchUrl(q, ''), text: '搜索全部手册' })] : null);

  replaceChildren(main, h('div', { class: 'search-results' },
    h('h1', { class: 'visually-hidden', text: `搜索：${q}` }),
    summary,
    soundAlikeNote(result, q, manual),
    eventNote(result),
    rivals.length
      ? h('p', { class: 'notice close-call', text: `有 ${rivals.length + 1} 个岗位的依据不相上下，请对照各自的条款确认由谁负责。` })
      : null,
    card,
    rivalSection,
    top ? null : h('p', { class: 'notice', text: '这个问题对应的是通用规定，没有落到具体岗位。下面是相关条款。' }),
    otherAnswers(others, titles),
    hitList(restHits, titles, top ? '其他相关条款' : '相关条款')));

  const lead = () => (rivals.length
    ? `可能负责的岗位：${[top, ...rivals].map((a) => a.position).join('、')}，依据不相上下。`
    : `${answerTitle(top) ? `${answerTitle(top)}：` : '最可能负责的岗位：'}${top.position}，${top.department || ''}。`);
  announce(top
    ? `${lead()}共 ${result.total ?? hits.length} 条相关条款。`
    : `找到 ${result.total ?? hits.length} 条相关条款，没有对应的岗位。`);
}
