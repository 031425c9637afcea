// Small DOM helpers. Every piece of text from the server or the user goes in through
// text nodes; the only server markup we insert (search snippets and clause HTML) passes
// through a whitelist first, so even a broken server cannot put script into the page.

/** Builds an element: h('a', {href: '/x', class: 'y'}, 'text', child, [more]). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key === 'text') el.textContent = value;
      else if (key.startsWith('on') && typeof value === 'function') {
        el.addEventListener(key.slice(2), value);
      } else if (value === true) el.setAttribute(key, '');
      else el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces the children of el. */
export function replaceChildren(el, ...children) {
  el.textContent = '';
  append(el, children);
}

const CLAUSE_TAGS = new Set([
  'P', 'UL', 'OL', 'LI', 'STRONG', 'EM', 'B', 'I', 'CODE', 'BR', 'BLOCKQUOTE', 'MARK',
  'SPAN', 'DEL', 'SUB', 'SUP', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'PRE',
]);
const SNIPPET_TAGS = new Set(['MARK']);
const DROP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'NOSCRIPT',
  'TITLE', 'LINK', 'META', 'BASE', 'FORM', 'INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'IMG',
  'VIDEO', 'AUDIO', 'SOURCE', 'FRAME', 'FRAMESET',
]);

// Parses markup in an inert <template> (nothing loads, nothing runs) and keeps only the
// allowed elements, without any attributes; unknown elements are replaced by their text.
function sanitize(html, allowed) {
  const template = document.createElement('template');
  template.innerHTML = String(html ?? '');
  const clean = (parent) => {
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType === Node.TEXT_NODE) continue;
      if (node.nodeType !== Node.ELEMENT_NODE) {
        node.remove();
        continue;
      }
      const tag = node.tagName.toUpperCase();
      if (DROP_TAGS.has(tag)) {
        node.remove();
      } else if (allowed.has(tag)) {
        for (const attr of Array.from(node.attributes)) node.removeAttribute(attr.name);
        clean(node);
      } else {
        clean(node);
        node.replaceWith(...Array.from(node.childNodes));
      }
    }
  };
  clean(template.content);
  return template.content;
}

/** A search snippet: escaped text whose only markup is <mark>. */
export function snippetNode(snippet) {
  return sanitize(snippet, SNIPPET_TAGS);
}

/** A clause body rendered by the server (paragraphs, nested lists, emphasis). */
export function clauseNode(html) {
  return sanitize(html, CLAUSE_TAGS);
}

// ---- URLs --------------------------------------------------------------------------

const enc = encodeURIComponent;
export const clauseUrl = (manual, address) => `/c/${enc(manual)}/${enc(address)}`;
export const positionUrl = (manual, name) => `/p/${enc(manual)}/${enc(name)}`;
export const manualUrl = (manual) => `/?m=${enc(manual)}`;
export const departmentUrl = (manual, name) => `/?m=${enc(manual)}&d=${enc(name)}`;
export const sectionUrl = (manual, number) => `/?m=${enc(manual)}&s=${enc(number)}`;
export const orgUrl = (manual) => (manual ? `/?view=org&m=${enc(manual)}` : '/?view=org');
export function searchUrl(q, manual) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (q && manual) params.set('manual', manual);
  const text = params.toString();
  return text ? `/?${text}` : '/';
}

/** The citation trainers paste: 《手册名》3.1.2 第7条(客服主管). */
export function citation(manualTitle, cite, position) {
  return `《${manualTitle}》${cite}${position ? `(${position})` : ''}`;
}

/** The number at the start of a heading: "3.1.2 主要职责" → "3.1.2". */
export function headingNumber(heading) {
  const match = /^\s*([0-9]+(?:\.[0-9]+)*)/.exec(heading || '');
  return match ? match[1] : '';
}

/** The heading without its number: "3.1.2 主要职责" → "主要职责". */
export function headingTitle(heading) {
  return String(heading || '').replace(/^\s*[0-9]+(?:\.[0-9]+)*\s*/, '') || String(heading || '');
}

/** The short label of a cite inside its own subsection: "3.1.2 第7条" → "第7条". */
export function shortCite(cite) {
  const parts = String(cite || '').trim().split(/\s+/);
  return parts.length > 1 ? parts[parts.length - 1] : String(cite || '');
}

/** How people cite an address: "3.1.2.7" → "3.1.2 第7条", "3.1.1.p1" → "3.1.1 第1段". */
export function citeOf(address) {
  const match = /^(.*)\.(p?)([0-9]+)$/.exec(String(address || ''));
  if (!match) return String(address || '');
  return `${match[1]} 第${match[3]}${match[2] ? '段' : '条'}`;
}

// ---- clipboard -----------------------------------------------------------------------

/** Copies text; navigator.clipboard where allowed (https, localhost), else execCommand. */
export async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // fall through to the old way (permission denied, document not focused …)
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'clipboard-helper';
  document.body.appendChild(area);
  const selection = document.getSelection();
  const previous = selection && selection.rangeCount ? selection.getRangeAt(0) : null;
  area.select();
  area.setSelectionRange(0, text.length);
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  if (previous && selection) {
    selection.removeAllRanges();
    selection.addRange(previous);
  }
  return ok;
}

const live = () => document.getElementById('live');

/** Says something to screen readers (the page's polite live region). */
export function announce(message) {
  const region = live();
  if (!region) return;
  region.textContent = '';
  // A new text node in a later frame is announced even when the words repeat.
  requestAnimationFrame(() => {
    region.textContent = message;
  });
}

/** A button that copies what getText() returns and confirms with “已复制”. */
export function copyButton(label, getText, extraClass = '') {
  const text = h('span', { class: 'copy-label', text: label });
  const button = h('button', { type: 'button', class: `copy-button ${extraClass}`.trim() }, text);
  let timer = 0;
  button.addEventListener('click', async () => {
    const value = getText();
    const ok = await copyText(value);
    clearTimeout(timer);
    button.classList.toggle('is-copied', ok);
    button.classList.toggle('is-failed', !ok);
    text.textContent = ok ? '已复制' : '复制失败，请手动复制';
    button.dataset.copied = ok ? value : '';
    announce(ok ? `已复制：${value}` : '复制失败，请长按文字手动复制');
    timer = setTimeout(() => {
      text.textContent = label;
      button.classList.remove('is-copied', 'is-failed');
    }, 2500);
  });
  return button;
}
