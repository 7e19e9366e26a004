// The agent desk: what a settlement agent's operations team works from. Harbin Bank's member sees its own
// CIPS account, the accounts of the Russian banks it holds on its books (credit lines, earmarks, what they
// have queued) and every payment it routes for itself or for them, newest first. Operators and auditors
// see any agent's desk (Harbin Bank's unless they choose another). Polled every 3 seconds.
import { api, all, el, fill, say, problemText, start, accountsTable, ACCOUNT_FIGURES, pager, badge, amount, bank, bankName, time, figure, poll, count, query, HARBIN } from './app.js';

const me = await start('desk');

const given = new URLSearchParams(location.search);
const agentForm = document.getElementById('agent-form');
/** Whose desk: a member's own bank; for operators and auditors the agent in the address, Harbin Bank by default. */
let agent = me.role === 'member' ? me.bic : (given.get('agent') || HARBIN).trim().toUpperCase();
const SIZE = 20;
let page = Math.max(0, parseInt(given.get('page') || '0', 10) || 0);
let lastDrawn = '';

if (me.role !== 'member') {
  agentForm.hidden = false;
  agentForm.elements.agent.value = agent;
  all('/api/v1/participants?participation=DIRECT')
    .then((ps) => fill('agents', ps.map((p) => el('option', { value: p.bic }, p.name)))).catch(() => {});
  agentForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    agent = agentForm.elements.agent.value.trim().toUpperCase();
    page = 0;
    document.getElementById('desk-accounts').dataset.page = 0;
    tick();
  });
}

/** Sums decimal amount strings exactly (in fen, as BigInt) and answers a decimal string. */
function sum(amounts) {
  const fen = amounts.reduce((total, a) => {
    const [whole, fraction = ''] = String(a).replace('-', '').split('.');
    const v = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
    return String(a).startsWith('-') ? total - v : total + v;
  }, 0n);
  const abs = fen < 0n ? -fen : fen;
  return `${fen < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** How the agent stands in a payment: it sent or received it, or it routes it for one of its indirect participants. */
function roleOf(p, books) {
  if (p.debtorAgent === agent) return 'Sent';
  if (p.creditorAgent === agent) return 'Received';
  if (books.has(p.debtorAgent)) return `Sent for ${bankName(p.debtorAgent)}`;
  if (books.has(p.creditorAgent)) return `Received for ${bankName(p.creditorAgent)}`;
  return '';
}

async function refresh() {
  const [own, books, payments] = await Promise.all([
    api(`/api/v1/accounts/${encodeURIComponent(agent)}`),
    all('/api/v1/accounts' + query({ heldAt: agent })),
    api('/api/v1/payments' + query({ routedBy: agent, order: 'newest', page, size: SIZE })),
  ]);
  fill('updated', time(new Date()));
  if (me.role !== 'member') history.replaceState(null, '', location.pathname + query({ agent, page: page || '' }));
  // redraw only what changed: a keyboard reader's place in the tables survives the polling
  const now = JSON.stringify([agent, own, books, payments]);
  if (now === lastDrawn) return;
  lastDrawn = now;
  say('desk-status', '');

  document.getElementById('desk-title').textContent = `${bankName(agent)}: agent desk`;
  document.title = `${bankName(agent)} desk · RMB settlement simulator`;
  fill('own-title', own.heldAt === 'CIPS' ? 'Own CIPS account: ' : 'Own account: ', bank(agent),
    own.heldAt === 'CIPS' ? '' : el('span', {}, ', held at ', bank(own.heldAt)));
  fill('own-figures',
    figure('own-balance', 'Balance (CNY)', amount(own.balance), 'harbin'),
    figure('own-available', 'Available (CNY)', amount(own.available)),
    figure('own-reserved', 'Reserved for HIGH payments (CNY)', amount(own.reserved)),
    figure('own-queued-out', 'Queued outgoing (CNY)', amount(own.queuedOutgoing)),
    figure('own-queued-in', 'Queued incoming (CNY)', amount(own.queuedIncoming)));

  fill('books-figures',
    figure('books-count', 'Accounts on its books', books.length),
    figure('books-balance', 'Their balances (CNY)', amount(sum(books.map((a) => a.balance)))),
    figure('books-credit', 'Credit lines granted (CNY)', amount(sum(books.map((a) => a.creditLine)))),
    figure('books-earmarked', 'Earmarked (CNY)', amount(sum(books.map((a) => a.earmarked)))),
    figure('books-queued', 'Their queued outgoing (CNY)', amount(sum(books.map((a) => a.queuedOutgoing)))));
  // the accounts on the agent's books, those whose bank's name or BIC holds what the reader typed, ten a page
  accountsTable('desk-accounts', { search: 'desk-search', found: 'desk-found', rows: books, pageSize: 10,
    caption: (n) => `${count(n, 'account')} held by ${bankName(agent)}`, columns: [
      { label: 'Bank', value: (a) => bank(a.bic) },
      ...ACCOUNT_FIGURES,
    ] });

  const onBooks = new Set(books.map((a) => a.bic));
  const pages = Math.max(1, Math.ceil(payments.total / SIZE));
  const caption = `${count(payments.total, 'payment')} routed by ${bankName(agent)}, newest first`;
  fill('desk-payments', el('div', {},
    tableOfPayments(caption, payments.items, onBooks),
    pages === 1 ? null : pager({ label: caption, page, pages, from: page * SIZE, shown: payments.items.length, total: payments.total,
      previous: () => { page--; return tick(); }, next: () => { page++; return tick(); } })));
  document.getElementById('routed-search').href = '/payments.html' + query({ routedBy: agent, order: 'newest' });
}

function tableOfPayments(caption, items, onBooks) {
  return el('div', { class: 'table-wrap' }, el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ['Accepted', 'Payment', 'Status', 'Its part', 'From', 'To', 'Amount (CNY)']
      .map((h, i) => el('th', { scope: 'col', class: i === 6 ? 'num' : null }, h)))),
    el('tbody', {}, items.length === 0
      ? el('tr', {}, el('td', { colspan: 7, class: 'muted' }, 'None.'))
      : items.map((p) => el('tr', { dataset: { uetr: p.uetr } },
        el('td', {}, time(p.acceptedAt, { short: true })),
        el('td', {}, el('a', { href: `/payment.html?uetr=${p.uetr}`, class: 'mono' }, p.uetr.slice(0, 8) + '…')),
        el('td', {}, badge(p.status)),
        el('td', {}, roleOf(p, onBooks)),
        el('td', {}, bank(p.debtorAgent)),
        el('td', {}, bank(p.creditorAgent)),
        el('td', { class: 'num' }, amount(p.amount)))))));
}


const tick = poll(refresh, 3000, (e) => {
  fill('updated', 'not since ', time(new Date()), `: ${problemText(e)}`);
  say('desk-status', problemText(e), 'error');
});
