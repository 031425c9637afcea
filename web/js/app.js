// The web UI: a small router over location (no hash routes, so every page has a plain
// URL that can be shared), the search box, history and keyboard handling.
//
// Routes (the server serves index.html for "/", "/c/…" and "/p/…"):
//   /                          home: example questions and the manuals
//   /?q=…[&manual=ID]          search results
//   /?view=manuals             the manuals
//   /?view=org[&m=ID]          organisation chart
//   /?m=ID                     one manual: chapters, departments
//   /?m=ID&d=部门              one department
//   /?m=ID&s=1.4               one general section (总则 …)
//   /p/ID/岗位                 a position
//   /c/ID/地址                 a clause, highlighted in its position (or section)

import * as api from './api.js';
import { announce, searchUrl } from './dom.js';
import { renderSearch } from './search.js';
import * as pages from './pages.js';
import { renderOrg } from './org.js';

const main = document.getElementById('main');
const form = document.getElementById('search-form');
const input = document.getElementById('q');
const scope = document.getElementById('scope');

const DEBOUNCE_MS = 200;
// Typing pauses shorter than this refine the current history entry instead of adding one.
const TYPING_MERGE_MS = 1000;

let navToken = 0;
let navController = null;
let lastHistoryWrite = 0;
let historyCommitted = true;
let debounceTimer = 0;

function decode(segment) {
  return decodeURIComponent(segment);
}

export function parseRoute(loc) {
  const path = loc.pathname;
  const params = new URLSearchParams(loc.search);
  try {
    let match = /^\/c\/([^/]+)\/([^/]+)\/?$/.exec(path);
    if (match) return { kind: 'clause', manual: decode(match[1]), address: decode(match[2]) };
    match = /^\/p\/([^/]+)\/([^/]+)\/?$/.exec(path);
    if (match) return { kind: 'position', manual: decode(match[1]), name: decode(match[2]) };
  } catch {
    return { kind: 'notfound' };
  }
  if (path !== '/' && path !== '/index.html') return { kind: 'notfound' };
  const q = (params.get('q') || '').trim();
  const m = params.get('m') || '';
  if (q) return { kind: 'search', q, manual: params.get('manual') || '' };
  const view = params.get('view');
  if (view === 'org') return { kind: 'org', manual: m };
  if (view === 'manuals') return { kind: 'manuals' };
  if (m && params.get('d')) return { kind: 'department', manual: m, name: params.get('d') };
  if (m && params.get('s')) return { kind: 'section', manual: m, number: params.get('s') };
  if (m) return { kind: 'manual', manual: m };
  return { kind: 'home' };
}

const isSearchish = (state) => state && (state.kind === 'search' || state.kind === 'home');

function saveScroll() {
  const state = history.state || {};
  history.replaceState({ ...state, scrollY: window.scrollY }, '', location.href);
}

/**
 * Moves to url. mode: 'push' (a link, an example, Enter), 'replace', or 'typing' (the
 * search box: a new entry once the user pauses, otherwise the current entry is refined).
 */
function navigate(url, mode = 'push', how = {}) {
  const target = new URL(url, location.href);
  const route = parseRoute(target);
  const sameUrl = target.pathname + target.search === location.pathname + location.search;
  const state = { kind: route.kind };
  if (mode === 'typing') {
    const now = Date.now();
    const merge = isSearchish(history.state) && !historyCommitted && now - lastHistoryWrite < TYPING_MERGE_MS;
    if (!sameUrl) {
      if (merge) history.replaceState(state, '', target.href);
      else {
        saveScroll();
        history.pushState(state, '', target.href);
      }
    }
    lastHistoryWrite = now;
    historyCommitted = false;
  } else if (mode === 'replace' || sameUrl) {
    history.replaceState({ ...(history.state || {}), ...state }, '', target.href);
    historyCommitted = true;
  } else {
    saveScroll();
    history.pushState(state, '', target.href);
    historyCommitted = true;
  }
  return render(route, { mode, ...how });
}

/** Renders a route into <main>. Older renders still in flight are cancelled. */
async function render(route, how = {}) {
  const token = ++navToken;
  if (navController) navController.abort();
  navController = new AbortController();
  const ctx = {
    route,
    main,
    signal: navController.signal,
    isCurrent: () => token === navToken,
    navigate,
    how,
    focusTarget: null,
    scrollTarget: null,
  };
  if (how.mode !== 'typing') syncSearchBox(route); // while typing, the box is the truth
  document.body.classList.toggle('is-wide', route.kind === 'org');
  try {
    switch (route.kind) {
      case 'search':
        await renderSearch(ctx, route.q, route.manual);
        break;
      case 'home':
        await pages.renderHome(ctx);
        break;
      case 'manuals':
        await pages.renderManuals(ctx);
        break;
      case 'manual':
        await pages.renderManual(ctx, route.manual);
        break;
      case 'department':
        await pages.renderDepartment(ctx, route.manual, route.name);
        break;
      case 'section':
        await pages.renderSectionPage(ctx, route.manual, route.number);
        break;
      case 'position':
        await pages.renderPosition(ctx, route.manual, route.name, null);
        break;
      case 'clause':
        await pages.renderClause(ctx, route.manual, route.address);
        break;
      case 'org':
        await renderOrg(ctx, route.manual);
        break;
      default:
        pages.renderNotFound(ctx, '找不到这个页面', '地址可能有误。可以在上方搜索，或从手册目录进入。');
    }
  } catch (error) {
    if (error && error.name === 'AbortError') return;
    if (!ctx.isCurrent()) return;
    pages.renderError(ctx, error);
  }
  if (!ctx.isCurrent()) return;
  afterRender(ctx, how);
}

function afterRender(ctx, how) {
  const mode = how.mode;
  if (mode === 'typing') return; // keep the focus and the scroll where the user is typing
  if (how.popstate) {
    const y = history.state && typeof history.state.scrollY === 'number' ? history.state.scrollY : 0;
    if (ctx.scrollTarget) ctx.scrollTarget.scrollIntoView({ block: 'center' });
    else window.scrollTo(0, y);
    return;
  }
  if (ctx.scrollTarget) {
    ctx.scrollTarget.scrollIntoView({ block: 'center' });
  } else if (!how.initial) {
    window.scrollTo(0, 0);
  }
  if (how.keepFocus) return;
  const focus = ctx.focusTarget || (how.initial ? null : main.querySelector('h1'));
  if (focus) {
    if (!focus.hasAttribute('tabindex')) focus.setAttribute('tabindex', '-1');
    focus.focus({ preventScroll: true });
  }
}

function syncSearchBox(route) {
  if (route.kind === 'search') {
    if (input.value.trim() !== route.q) input.value = route.q;
    if (scope.value !== route.manual && [...scope.options].some((o) => o.value === route.manual)) {
      scope.value = route.manual;
    }
  } else if (route.kind === 'home') {
    input.value = '';
  }
}

// ---- the search box --------------------------------------------------------------------

function currentQuery() {
  return input.value.trim();
}

function searchNow(mode) {
  clearTimeout(debounceTimer);
  return navigate(searchUrl(currentQuery(), scope.value), mode, { keepFocus: true });
}

input.addEventListener('input', () => {
  clearTimeout(debounceTimer);
  if (!currentQuery()) {
    // Cleared: back to the start page at once, and cancel any search still running.
    searchNow('typing');
    return;
  }
  debounceTimer = setTimeout(() => searchNow('typing'), DEBOUNCE_MS);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = currentQuery();
  const sameAsShown = parseRoute(location).kind === 'search' && parseRoute(location).q === q;
  if (sameAsShown) {
    // Results are already on screen: Enter only makes this entry permanent in the history.
    historyCommitted = true;
    clearTimeout(debounceTimer);
    const results = main.querySelector('.answer-card, .hit-list, .empty-result');
    if (results && window.innerWidth < 700) input.blur();
    return;
  }
  searchNow('typing').then(() => {
    historyCommitted = true;
  });
});

scope.addEventListener('change', () => {
  if (currentQuery()) searchNow('push');
});

// ---- links, history, keyboard ----------------------------------------------------------

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest('a[href]');
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin) return;
  if (url.hash && url.pathname === location.pathname && url.search === location.search) {
    // In-page jumps (the table of contents) scroll without touching the history.
    const target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
    if (target) {
      event.preventDefault();
      target.scrollIntoView({ block: 'start' });
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    }
    return;
  }
  if (parseRoute(url).kind === 'notfound') return;
  event.preventDefault();
  clearTimeout(debounceTimer);
  if (link.dataset.query !== undefined) {
    input.value = link.dataset.query;
  }
  navigate(url.pathname + url.search, 'push');
});

window.addEventListener('popstate', () => {
  clearTimeout(debounceTimer);
  historyCommitted = true;
  render(parseRoute(location), { popstate: true });
});

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const active = document.activeElement;
  const typing =
    active &&
    (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName));
  if (typing) return;
  event.preventDefault();
  input.focus();
  input.select();
});

// ---- start -------------------------------------------------------------------------

async function fillScope() {
  try {
    const list = await api.manuals();
    for (const m of list) {
      const option = document.createElement('option');
      option.value = m.id;
      option.textContent = m.title;
      scope.appendChild(option);
    }
    const route = parseRoute(location);
    if (route.kind === 'search' && route.manual) scope.value = route.manual;
  } catch {
    // The page says what went wrong where it matters; the scope list can stay short.
  }
}

if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
history.replaceState({ ...(history.state || {}), kind: parseRoute(location).kind }, '', location.href);
fillScope();
render(parseRoute(location), { initial: true }).then(() => {
  document.documentElement.dataset.ready = 'true';
});

export { announce };
