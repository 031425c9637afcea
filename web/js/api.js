// The server's JSON API (see shared/spec/interface.md). Reads of manuals, positions and
// clauses are cached for the life of the page: they only change when the index is
// rebuilt, and a reload picks that up. Searches keep a small cache so that back and
// forward show results at once.

const enc = encodeURIComponent;

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function fetchJson(url, signal) {
  let response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (error && error.name === 'AbortError') throw error;
    throw new ApiError(0, '无法连接服务器，请检查网络后重试。');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (error) {
    if (error && error.name === 'AbortError') throw error;
    body = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, (body && body.error) || `服务器返回 ${response.status}`);
  }
  if (body === null) throw new ApiError(response.status, '服务器返回的数据无法读取。');
  return body;
}

const cache = new Map();

// Shared GETs: one request per URL, however many views ask; failures are not kept.
function cached(url) {
  if (!cache.has(url)) {
    const promise = fetchJson(url).catch((error) => {
      cache.delete(url);
      throw error;
    });
    cache.set(url, promise);
  }
  return cache.get(url);
}

export const manuals = () => cached('/api/manuals').then((body) => body.manuals || []);
export const manual = (id) => cached(`/api/manuals/${enc(id)}`);
export const position = (id, name) => cached(`/api/positions/${enc(id)}/${enc(name)}`);
export const clause = (id, address) => cached(`/api/clauses/${enc(id)}/${enc(address)}`);
export const section = (id, number) => cached(`/api/sections/${enc(id)}/${enc(number)}`);

const searches = new Map();
const SEARCH_CACHE_SIZE = 40;
export const SEARCH_LIMIT = 15;

export function searchKey(q, manualId) {
  return `${manualId || ''}\u0000${q}`;
}

/** The cached result for a query, if there is one. */
export function cachedSearch(q, manualId) {
  return searches.get(searchKey(q, manualId)) || null;
}

/** Runs a search; `signal` cancels it when the user has typed on. */
export async function search(q, manualId, signal) {
  const key = searchKey(q, manualId);
  if (searches.has(key)) return searches.get(key);
  const params = new URLSearchParams({ q, limit: String(SEARCH_LIMIT) });
  if (manualId) params.set('manual', manualId);
  const result = await fetchJson(`/api/search?${params}`, signal);
  searches.set(key, result);
  if (searches.size > SEARCH_CACHE_SIZE) searches.delete(searches.keys().next().value);
  return result;
}

/** The manual's title by id, from the manual list (null when unknown). */
export async function manualTitle(id) {
  const list = await manuals();
  const found = list.find((m) => m.id === id);
  return found ? found.title : null;
}
