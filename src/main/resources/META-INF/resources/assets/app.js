// Shared by every dashboard page: the signed-in caller, calls to the API, the page's header,
// small DOM helpers and the charts (Apache ECharts, loaded by each page from /vendor/echarts).
// The dashboard holds no rules of its own: it shows what the API answers, with the caller's token.

const TOKEN_KEY = 'rmbsim.token';

export const PAGES = [
  { id: 'overview', href: '/', label: 'Overview' },
  { id: 'network', href: '/network.html', label: 'Network' },
  { id: 'alliance', href: '/alliance.html', label: 'Alliance' },
  { id: 'settlement', href: '/settlement.html', label: 'Settlement' },
  { id: 'payments', href: '/payments.html', label: 'Payments' },
  { id: 'desk', href: '/desk.html', label: 'Agent desk' },
  { id: 'simulations', href: '/simulations.html', label: 'Simulations' },
  { id: 'audit', href: '/audit.html', label: 'Audit' },
];

export const HARBIN = 'HCCBCNBHXXX';
export const HARBIN_COLOUR = '#b3261e';

/** An answer other than 2xx: the status and the problem+json body the API sent. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : (problem && problem.title) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function signIn(bearer) {
  sessionStorage.setItem(TOKEN_KEY, bearer.trim());
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}

function toSignIn() {
  const next = location.pathname + location.search;
  location.assign('/?next=' + encodeURIComponent(next));
}

/** Calls the API with the caller's token. JSON in and out unless told otherwise; a 401 goes back to sign-in. */
export async function api(path, { method = 'GET', body, contentType = 'application/json', accept = 'application/json', headers: extra = {} } = {}) {
  const headers = { Accept: accept, ...extra };
  const t = token();
  if (t) headers.Authorization = 'Bearer ' + t;
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = contentType;
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers, body: payload });
  const text = await response.text();
  const type = response.headers.get('Content-Type') || '';
  const data = text && type.includes('json') ? JSON.parse(text) : text;
  if (response.status === 401 && t && !path.startsWith('/api/v1/auth/')) {
    signOut();
    toSignIn();
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/**
 * A random (version 4) UUID: a payment's UETR or an idempotency key. crypto.randomUUID() exists only on
 * secure origins, and the dashboard is also served over plain HTTP inside a cluster.
 */
export function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Every item of a paged list, page by page (500 at a time). */
export async function all(path) {
  const items = [];
  for (let page = 0; ; page++) {
    const p = await api(`${path}${path.includes('?') ? '&' : '?'}page=${page}&size=500`);
    items.push(...p.items);
    if (p.items.length === 0 || items.length >= p.total) return items;
  }
}

/** The query string of a path from the form's non-empty fields. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}

/** Builds an element; text children become text nodes (never HTML), so names from the API cannot inject markup. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) e.append(c instanceof Node ? c : String(c));
  return e;
}

/** Replaces an element's children. */
export function fill(target, ...children) {
  const e = typeof target === 'string' ? document.getElementById(target) : target;
  e.replaceChildren(...children.flat().filter((c) => c !== undefined && c !== null));
  return e;
}

let tables = 0;

/**
 * A table wider than its card scrolls sideways inside its wrapper, which a keyboard can scroll only
 * when it can take the focus (WCAG 2.1.1): such a wrapper is a region named by the table's caption and
 * a Tab stop. Each wrapper starts so, and loses both once laid out and found to fit (a Tab stop less),
 * and gets them back when it grows wider than its card.
 */
const scrollFits = typeof ResizeObserver === 'function' ? new ResizeObserver((entries) => {
  for (const entry of entries) {
    const wrap = entry.target.closest('.table-wrap');
    if (!wrap) continue;
    if (!wrap.isConnected) {   // replaced by a redraw: nothing more to follow
      scrollFits.unobserve(wrap);
      scrollFits.unobserve(wrap.firstElementChild);
      continue;
    }
    if (wrap.scrollWidth > wrap.clientWidth + 1) {
      wrap.setAttribute('tabindex', '0');
      wrap.setAttribute('role', 'region');
      wrap.setAttribute('aria-labelledby', wrap.dataset.caption);
    } else if (document.activeElement !== wrap) {
      wrap.removeAttribute('tabindex');
      wrap.removeAttribute('role');
      wrap.removeAttribute('aria-labelledby');
    }
  }
}) : null;

/** A table: columns are {label, value(row) -> text|Node, num?}; caption for screen readers and the eye. */
export function table(caption, columns, rows, { rowAttrs } = {}) {
  const captionId = `table-caption-${++tables}`;
  const wrap = el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': captionId, dataset: { caption: captionId } },
    el('table', {},
      el('caption', { id: captionId }, caption),
      el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)))),
      el('tbody', {}, rows.length === 0
        ? el('tr', {}, el('td', { colspan: columns.length, class: 'muted' }, 'None.'))
        : rows.map((r) => el('tr', rowAttrs ? rowAttrs(r) : {}, columns.map((c) => el('td', { class: c.num ? 'num' : null }, c.value(r))))))));
  if (scrollFits) {
    scrollFits.observe(wrap);                    // the card narrows or widens
    scrollFits.observe(wrap.firstElementChild);  // the table does
  }
  return wrap;
}

/**
 * A long list as a table a page at a time, with Previous and Next below it: rows are the whole list
 * (already filtered); the page shown survives a redraw when it still exists.
 */
export function pagedTable(target, caption, columns, rows, { pageSize = 25, rowAttrs } = {}) {
  const e = typeof target === 'string' ? document.getElementById(target) : target;
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  let page = Math.min(Number(e.dataset.page || 0), pages - 1);
  const draw = () => {
    e.dataset.page = page;
    const from = page * pageSize;
    const shown = rows.slice(from, from + pageSize);
    fill(e, table(caption, columns, shown, { rowAttrs }), pages === 1 ? null : pager({ label: caption, page, pages, from,
      shown: shown.length, total: rows.length, previous: () => { page--; draw(); }, next: () => { page++; draw(); } }));
  };
  draw();
}

/** An account's figures as table columns (GET /accounts' fields), after the columns that name it. */
export const ACCOUNT_FIGURES = [
  { label: 'Balance', value: (a) => amount(a.balance), num: true },
  { label: 'Credit line', value: (a) => amount(a.creditLine), num: true },
  { label: 'Earmarked', value: (a) => amount(a.earmarked), num: true },
  { label: 'Reserved', value: (a) => amount(a.reserved), num: true },
  { label: 'Available', value: (a) => amount(a.available), num: true },
  { label: 'Queued out', value: (a) => amount(a.queuedOutgoing), num: true },
  { label: 'Queued in', value: (a) => amount(a.queuedIncoming), num: true },
];

/**
 * A long list of banks' accounts as a paged table with a search by bank name or BIC: the rows whose
 * BIC or bank's name holds what the reader typed in the input {@code search}, how many match
 * announced in the status region {@code found}. Call it again with new rows; it listens to the
 * search itself (a new search starts at the first page).
 */
export function accountsTable(target, { search, found, caption, columns, rows, pageSize = 25 }) {
  const e = document.getElementById(target);
  const input = document.getElementById(search);
  e.accounts = rows;
  const draw = () => {
    const wanted = input.value.trim();
    const shown = e.accounts.filter((a) => isBank(a.bic, wanted));
    say(found, wanted ? `${count(shown.length, 'account')} of ${number(e.accounts.length)} match “${wanted}”.` : '');
    pagedTable(e, caption(shown.length), columns, shown, { pageSize, rowAttrs: (a) => ({ dataset: { account: a.bic } }) });
  };
  if (!input.dataset.listening) {
    input.dataset.listening = 'true';
    input.addEventListener('input', () => { e.dataset.page = 0; e.redraw(); });
  }
  e.redraw = draw;
  draw();
}

/**
 * Previous and Next below a list, with where the reader is: page (from 0) of pages, the rows shown
 * from index {@code from}, of {@code total}. previous and next redraw the list (and answer a promise
 * when they do it later); the focus then goes to the same button on the new page, or to the other
 * one where this one ends the list, so that a keyboard pages on from where it was.
 */
export function pager({ label, page, pages, from, shown, total, previous, next, previousLabel = 'Previous', nextLabel = 'Next' }) {
  const keepFocus = (move, mine, other) => async (ev) => {
    const host = ev.currentTarget.closest('[id]');   // the list's place in the page, which outlives the redraw
    await move();
    if (!host || !host.isConnected) return;
    const same = host.querySelector(`nav.pager .${mine}`);
    const target = same && !same.disabled ? same : host.querySelector(`nav.pager .${other}`);
    if (target && !target.disabled) target.focus();
  };
  return el('nav', { class: 'pager', 'aria-label': `${label}: pages` },
    el('button', { type: 'button', class: 'pager-previous', disabled: page === 0, onclick: keepFocus(previous, 'pager-previous', 'pager-next') }, previousLabel),
    el('span', { class: 'pager-where', 'aria-live': 'polite' },
      `Page ${number(page + 1)} of ${number(pages)} (${number(shown ? from + 1 : 0)}–${number(from + shown)} of ${number(total)})`),
    el('button', { type: 'button', class: 'pager-next', disabled: page >= pages - 1, onclick: keepFocus(next, 'pager-next', 'pager-previous') }, nextLabel));
}

/** A decimal amount string with thousands separators, kept as text (no floating point). */
export function money(amount) {
  if (amount === undefined || amount === null) return '';
  const [whole, fraction] = String(amount).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

const UNITS_KEY = 'rmbsim.units';
/** How large amounts are written: in billions and trillions, in 亿 and 万亿, or both; the reader chooses in the header. */
export const UNIT_SYSTEMS = { en: 'bn / tn', zh: '亿 / 万亿', both: 'both' };
const SCALES = { en: [[12, 'tn'], [9, 'bn'], [6, 'm']], zh: [[12, '万亿'], [8, '亿']] };
/** From 1 亿 (100 million) up an amount is written in units; below it in full, to the fen. */
const COMPACT_FROM = 10n ** 8n;

export function units() {
  const u = localStorage.getItem(UNITS_KEY);
  return UNIT_SYSTEMS[u] ? u : 'en';
}

/** A decimal amount string in one unit system, rounded half up to two decimals: exact integer arithmetic (BigInt). */
function inUnits(amount, system) {
  const [whole] = String(amount).split('.');
  const negative = whole.startsWith('-');
  const n = BigInt(negative ? whole.slice(1) : whole);
  const [exp, unit] = SCALES[system].find(([e]) => n >= 10n ** BigInt(e)) || SCALES[system][SCALES[system].length - 1];
  const divisor = 10n ** BigInt(exp);
  const hundredths = (n * 100n + divisor / 2n) / divisor;
  const text = `${money(String(hundredths / 100n))}.${String(hundredths % 100n).padStart(2, '0')}`;
  return `${negative ? '−' : ''}${text} ${unit}`;
}

/**
 * An amount of CNY for reading at a glance: below 1 亿 in full with separators ("123,456.78"), from
 * there in the reader's units ("123.06 tn", "123.06 万亿" or both); the exact amount on hover and for
 * screen readers.
 */
export function amount(value) {
  if (value === undefined || value === null || value === '') return '';
  const whole = String(value).split('.')[0].replace('-', '');
  if (BigInt(whole) < COMPACT_FROM) return money(value);
  const u = units();
  const text = u === 'both' ? `${inUnits(value, 'en')} · ${inUnits(value, 'zh')}` : inUnits(value, u);
  return el('span', { class: 'amount', title: `CNY ${money(value)}`, 'aria-label': `${text} (CNY ${money(value)})` }, text);
}

/**
 * A chart's label for an amount of CNY (a number, for drawing only: never for arithmetic on money),
 * in the reader's units: "1.2 tn", "3,500 亿", "120 m".
 */
export function chartAmount(value) {
  const v = Number(value);
  if (!Number.isFinite(v)) return '';
  const system = units() === 'zh' ? 'zh' : 'en';
  const scales = system === 'zh' ? [[1e12, '万亿'], [1e8, '亿'], [1e4, '万']] : [[1e12, 'tn'], [1e9, 'bn'], [1e6, 'm'], [1e3, 'k']];
  const found = scales.find(([f]) => Math.abs(v) >= f);
  if (!found) return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return `${(v / found[0]).toLocaleString('en-US', { maximumFractionDigits: 2 })} ${found[1]}`;
}

/** A count with thousands separators: 1,234,567. */
export function number(n) {
  return n === undefined || n === null || n === '' ? '' : Number(n).toLocaleString('en-US');
}

/** Every participant's name by BIC, read once per page after sign-in ({@link start}). */
const names = new Map();

/** A bank as readers know it: its name beside its BIC (the BIC alone where the directory has no name). */
export function bank(bic) {
  if (!bic) return '';
  const name = names.get(bic);
  return name
    ? el('span', { class: 'bank' }, el('span', { class: 'bank-name' }, name), ' ', el('code', {}, bic))
    : el('code', {}, bic);
}

/** A bank's name, or its BIC where the directory has none: for text that cannot hold markup (a chart's tooltip). */
export function bankName(bic) {
  return names.get(bic) || bic || '';
}

/** Whether a bank's BIC or directory name holds what a reader typed (any case; nothing typed matches all). */
export function isBank(bic, wanted) {
  const w = (wanted || '').trim().toLowerCase();
  return !w || (bic || '').toLowerCase().includes(w) || bankName(bic).toLowerCase().includes(w);
}

/**
 * Wraps a loader so that only the answer to the latest call is shown: when the reader asks again
 * before an answer arrives (a second search, the next page), the older answer is dropped.
 */
export function latest(load, show) {
  let generation = 0;
  return async (...args) => {
    const mine = ++generation;
    const data = await load(...args);
    if (mine === generation) show(data);
  };
}

/** A table of figures under a chart, folded away: the same numbers for readers who cannot see the chart. */
export function figuresOf(caption, columns, rows) {
  return el('details', { class: 'chart-figures' }, el('summary', {}, 'The figures'), table(caption, columns, rows));
}

/** One of a page's key figures: a term and its value in a definition list. */
export function figure(id, label, value, cls) {
  return el('div', { class: cls }, el('dt', {}, label), el('dd', { id }, typeof value === 'number' ? number(value) : value));
}

/** "1 payment", "3,000 payments". */
export function count(n, noun, plural = noun + 's') {
  return `${number(n)} ${n === 1 ? noun : plural}`;
}

export function badge(text) {
  return el('span', { class: `badge ${text}` }, text);
}

const BEIJING = 'Asia/Shanghai';
const LONG = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };
const SHORT = { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/**
 * A moment in Beijing time, where CIPS's day is defined, with its zone written out; the reader's own
 * time, with its zone, on hover. {@code short} drops the year and the seconds.
 */
export function time(iso, { short = false } = {}) {
  if (!iso) return '';
  const d = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const shown = d.toLocaleString('en-GB', { ...(short ? SHORT : LONG), timeZone: BEIJING });
  const local = d.toLocaleString(undefined, { ...LONG, timeZoneName: 'short' });
  return el('time', { datetime: d.toISOString(), title: `Your time: ${local}` }, `${shown} Beijing time (UTC+8)`);
}

const SESSIONS = {
  DAY: 'Day session', END_OF_SESSION: 'End-of-session processing', NIGHT: 'Night session',
  END_OF_DAY: 'End-of-day processing', CLOSED: 'Closed',
};

/** The business day's session (GET /settlement/day's session) in words. */
export function sessionName(session) {
  return SESSIONS[session] || session || '';
}

/** Writes a message into a status region (role=status/alert in the page), as ok or error. */
export function say(id, message, kind = '') {
  const e = document.getElementById(id);
  e.className = `status ${kind}`;
  if (message instanceof Node) e.replaceChildren(message);
  else e.textContent = message;
}

/** Runs an action with its button disabled (no double submission); a refusal is said in the status region. */
export async function busy(button, status, fn) {
  button.disabled = true;
  try {
    await fn();
  } catch (e) {
    say(status, problemText(e), 'error');
  } finally {
    button.disabled = false;
  }
}

/** Whether the signed-in caller may act for a bank, as the API decides (POST /payments, cancel): an operator for any, a member for its own. */
export function actsFor(me, bic) {
  return me.role === 'operator' || (me.role === 'member' && me.bic === bic);
}

/** Cancels a queued payment once the reader confirms ({@code what} names it in the question); null when the reader declines. */
export async function cancelQueued(uetr, what) {
  if (!window.confirm(`Cancel payment ${what}? It leaves the queue and never settles.`)) return null;
  return api(`/api/v1/payments/${encodeURIComponent(uetr)}/cancel`, { method: 'POST' });
}

/** A link that saves {@code text} as the file {@code name}: for documents the API answered (pacs.002, statements). */
export function downloadLink(text, type, name, label = name, attrs = {}) {
  return el('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name, ...attrs }, label);
}

export function problemText(error) {
  if (error instanceof ApiError) {
    const p = error.problem || {};
    const fields = (p.errors || []).map((f) => `${f.field}: ${f.message}`).join('; ');
    return `${p.title || 'Error'} (${error.status})${p.detail ? ': ' + p.detail : ''}${fields ? ' — ' + fields : ''}${p.reasonCode ? ' [' + p.reasonCode + ']' : ''}`;
  }
  return String(error && error.message ? error.message : error);
}

const charts = new Map();

/** Draws (or redraws) an ECharts chart in the element with this id; the chart names itself for screen readers. */
export function chart(id, option) {
  const node = document.getElementById(id);
  let c = charts.get(id);
  if (!c || c.isDisposed()) {
    c = window.echarts.init(node, null, { renderer: 'canvas' });
    charts.set(id, c);
  }
  // the page's own description of the chart (units included) is what screen readers hear
  const description = node.dataset.description || (node.dataset.description = node.getAttribute('aria-label') || '');
  c.setOption({ aria: { enabled: true, label: { description } }, animation: false, ...option }, true);
  node.dataset.rendered = 'true';
  return c;
}

window.addEventListener('resize', () => charts.forEach((c) => c.resize()));

function header(pageId, me) {
  const who = me
    ? el('div', { class: 'who' },
      el('span', { id: 'signed-in-as' }, `${me.subject} · ${me.role}${me.bic ? ' · ' + me.bic : ''}`),
      el('button', { type: 'button', onclick: () => { signOut(); location.assign('/'); } }, 'Sign out'))
    : el('div', { class: 'who' }, el('a', { href: '/' }, 'Sign in'));
  const chooser = el('select', { id: 'units', onchange: (ev) => { localStorage.setItem(UNITS_KEY, ev.target.value); location.reload(); } },
    Object.entries(UNIT_SYSTEMS).map(([k, label]) => el('option', { value: k, selected: k === units() }, label)));
  return el('div', { class: 'bar' },
    el('a', { class: 'brand', href: '/' }, 'RMB settlement simulator'),
    el('nav', { 'aria-label': 'Dashboard pages' },
      el('ul', {}, PAGES.map((p) => el('li', {}, el('a', { href: p.href, 'aria-current': p.id === pageId ? 'page' : null }, p.label))))),
    el('label', { class: 'units', for: 'units' }, 'Large amounts in ', chooser),
    who);
}

/**
 * Starts a page: draws the header, checks the token with the service and marks the body with the
 * caller's role (controls marked data-requires="operator" show only to operators). Without a valid
 * token every page but the overview sends the visitor to sign in.
 */
export async function start(pageId) {
  const chrome = document.getElementById('site-header');
  let me = null;
  if (token()) {
    try {
      me = await api('/api/v1/auth/me');
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) {
        // the service is unreachable or busy (a restart, a leader change): keep the token, say so
        fill(chrome, header(pageId, null));
        document.getElementById('main').prepend(el('p', { class: 'status error', role: 'alert' },
          `The service did not answer (${problemText(e)}). Reload the page to try again.`));
        return new Promise(() => {});
      }
      signOut();
    }
  }
  fill(chrome, header(pageId, me));
  if (!me && pageId !== 'overview') {
    toSignIn();
    return new Promise(() => {});
  }
  if (me) {
    document.body.dataset.role = me.role;
    if (me.bic) document.body.dataset.bic = me.bic;
    try {
      for (const p of await all('/api/v1/participants')) names.set(p.bic, p.name);
    } catch (e) {
      // without the directory the pages show BICs alone; nothing else depends on it
    }
  }
  return me;
}

/**
 * Runs fn now and every ms milliseconds while the page is visible (again at once when it becomes
 * visible); failures go to onError. Returns a function that runs it at once (after an action).
 */
export function poll(fn, ms, onError) {
  let timer;
  let running = null;
  let again = false;
  const tick = async () => {
    if (running) {
      // never two at once: an older answer could land last and show stale figures; run once more after
      again = true;
      return running;
    }
    clearTimeout(timer);
    running = (async () => {
      try {
        await fn();
      } catch (e) {
        onError(e);
      }
    })();
    await running;
    running = null;
    if (again) {
      again = false;
      return tick();
    }
    timer = setTimeout(() => { if (!document.hidden) tick(); }, ms);
    return undefined;
  };
  document.addEventListener('visibilitychange', () => { if (!document.hidden) tick(); });
  tick();
  return tick;
}
