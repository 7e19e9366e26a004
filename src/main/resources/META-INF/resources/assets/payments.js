// Payments: search by status, agents and business date (the filters live in the address, so a search
// can be bookmarked or shared); each result links to the payment's page.
import { api, all, el, fill, say, problemText, start, table, badge, amount, bank, query, count, latest } from './app.js';

await start('payments');
const form = document.getElementById('search');
const SIZE = 50;
let page = 0;

function filters() {
  return Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()]));
}

const search = latest(() => {
  const f = filters();
  history.replaceState(null, '', location.pathname + query({ ...f, page: page || '' }));
  say('search-status', 'Searching…');
  return api('/api/v1/payments' + query({ ...f, page, size: SIZE }));
}, (r) => {
  fill('results', table(`${count(r.total, 'payment')} match${r.total ? `; ${r.page * r.size + 1} to ${r.page * r.size + r.items.length} shown` : ''}`, [
    { label: 'Payment (UETR)', value: (p) => el('a', { href: `/payment.html?uetr=${p.uetr}`, class: 'mono' }, p.uetr) },
    { label: 'Status', value: (p) => badge(p.status) },
    { label: 'Settlement', value: (p) => p.settlement },
    { label: 'Method', value: (p) => p.settlementMethod || '' },
    { label: 'Debtor agent', value: (p) => bank(p.debtorAgent) },
    { label: 'Creditor agent', value: (p) => bank(p.creditorAgent) },
    { label: 'Amount (CNY)', value: (p) => amount(p.amount), num: true },
    { label: 'Business date', value: (p) => p.businessDate },
    { label: 'End-to-end id', value: (p) => p.endToEndId },
  ], r.items, { rowAttrs: (p) => ({ dataset: { uetr: p.uetr } }) }));
  document.getElementById('previous').disabled = page === 0;
  document.getElementById('next').disabled = (page + 1) * SIZE >= r.total;
  say('search-status', `${count(r.total, 'payment')} found.`);
});

function run() {
  search().catch((e) => say('search-status', problemText(e), 'error'));
}

const given = new URLSearchParams(location.search);
for (const name of ['status', 'debtorAgent', 'creditorAgent', 'businessDate']) {
  if (given.has(name)) form.elements[name].value = given.get(name);
}
page = Math.max(0, parseInt(given.get('page') || '0', 10) || 0);
form.addEventListener('submit', (ev) => { ev.preventDefault(); page = 0; run(); });
document.getElementById('previous').addEventListener('click', () => { page = Math.max(0, page - 1); run(); });
document.getElementById('next').addEventListener('click', () => { page += 1; run(); });
all('/api/v1/participants').then((ps) => fill('bics', ps.map((p) => el('option', { value: p.bic }, p.name)))).catch(() => {});
run();
