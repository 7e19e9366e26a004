// The settlement day: the open business day with its session and timetable, every account's balance,
// credit line, reservation and queued value, the queue in release order and the day's netting cycles;
// operators run offsetting and netting cycles and close the day; credit lines and reservations are set
// from a form (the API decides who may); operators and auditors replay a closed day as a simulation.
// Polled every 3 seconds.
import { api, all, el, fill, say, problemText, start, busy, actsFor, cancelQueued, downloadLink, table, accountsTable, ACCOUNT_FIGURES, badge, chart, money, amount, number, bank, bankName, chartAmount, time, figure, poll, count, sessionName, uuid, isBank } from './app.js';

const me = await start('settlement');

const uetrLink = (p) => el('a', { href: `/payment.html?uetr=${p.uetr}`, class: 'mono' }, p.uetr.slice(0, 8) + '…');
const TIMETABLES = { PHASE_II: 'Phase II (5×24+4)', DAY_SESSION: 'Day session only' };

let lastDrawn = '';

const replays = me.role === 'operator' || me.role === 'auditor';
const mayCancel = me.role === 'operator' || me.role === 'member';

async function refresh() {
  const [day, accounts, queue, cycles, days] = await Promise.all([
    api('/api/v1/settlement/day'), all('/api/v1/accounts'), api('/api/v1/settlement/queue?size=200'),
    api('/api/v1/settlement/cycles'), replays ? api('/api/v1/settlement/days?size=10') : null]);
  fill('updated', time(new Date()));
  openDay = day.businessDate;
  // redraw only what changed: a keyboard reader's place in the tables survives the polling
  const now = JSON.stringify([day, accounts, queue, cycles, days]);
  if (now === lastDrawn) return;
  lastDrawn = now;
  const own = me.role === 'member';
  fill('figures',
    figure('business-date', 'Business day', day.businessDate),
    figure('day-state', 'State', badge(day.state)),
    figure('session', 'Session', sessionName(day.session), 'small'),
    // a member's queue below holds its own bank's payments; the day's figures are the whole system's
    figure('queue-count', own ? 'Queued payments, all banks' : 'Queued payments', day.queue.count),
    figure('queue-value', own ? 'Queued value, all banks (CNY)' : 'Queued value (CNY)', amount(day.queue.value)),
    own ? figure('own-queue-count', `Queued payments of ${bankName(me.bic)}`, queue.total) : null,
    figure('opens-at', day.state === 'OPEN' ? 'Opened at' : 'Opens at', time(day.opensAt), 'small'),
    figure('cut-off', day.autoClose ? 'Closes by itself at' : 'Cut-off (closed by hand)', time(day.closesAt || day.cutOff), 'small'),
    figure('timetable', 'Timetable', TIMETABLES[day.timetable] || day.timetable, 'small'),
    figure('next-cycle', 'Next netting cycle', day.nextCycle ? time(day.nextCycle) : 'Only the one at the day\'s close', 'small'));

  balancesChart(accounts);

  fill('queue', table(`${number(queue.total)} queued${queue.total > queue.items.length ? `, the first ${number(queue.items.length)} shown` : ''}`, [
    { label: '#', value: (p) => queue.items.indexOf(p) + 1, num: true },
    { label: 'Payment', value: uetrLink },
    { label: 'Priority', value: (p) => p.priority },
    { label: 'Settlement', value: (p) => p.settlement },
    { label: 'From', value: (p) => bank(p.debtorAgent) },
    { label: 'To', value: (p) => bank(p.creditorAgent) },
    { label: 'Amount (CNY)', value: (p) => amount(p.amount), num: true },
    // an operator cancels any queued payment, a member those its bank sent (POST /payments/{uetr}/cancel)
    ...(mayCancel ? [{ label: 'Cancel', value: (p) => (actsFor(me, p.debtorAgent)
      ? el('button', { type: 'button', class: 'secondary cancel-button', dataset: { uetr: p.uetr },
        'aria-label': `Cancel payment ${p.uetr} of ${money(p.amount)} CNY` }, 'Cancel') : '') }] : []),
  ], queue.items, { rowAttrs: (p) => ({ dataset: { uetr: p.uetr } }) }));

  // the payments page has no filter by cycle yet: the cycles show their figures only
  fill('cycles', table(`${count(cycles.length, 'netting cycle')} on ${day.businessDate}${own ? ', all banks\' totals' : ''}`, [
    { label: 'Cycle', value: (c) => c.id, num: true },
    { label: 'Ran at', value: (c) => time(c.ranAt, { short: true }) },
    { label: 'Settled', value: (c) => number(c.settledCount), num: true },
    { label: 'Settled value (CNY)', value: (c) => amount(c.settledValue), num: true },
    { label: 'Carried over', value: (c) => number(c.carriedOverCount), num: true },
    { label: 'Carried-over value (CNY)', value: (c) => amount(c.carriedOverValue), num: true },
  ], cycles, { rowAttrs: (c) => ({ dataset: { cycle: c.id } }) }));

  accountsTable('accounts', { search: 'accounts-search', found: 'accounts-found', rows: accounts,
    caption: (n) => count(n, 'settlement account'), columns: [
      { label: 'Account', value: (a) => bank(a.bic) },
      { label: 'Held at', value: (a) => (a.heldAt === 'CIPS' ? 'CIPS' : bank(a.heldAt)) },
      ...ACCOUNT_FIGURES,
    ] });
  offerAccounts(accounts);

  if (days) {
    document.getElementById('days-card').hidden = false;
    fill('days', table(`The latest ${count(days.items.length, 'business day')} of ${number(days.total)}`, [
      { label: 'Business day', value: (d) => d.businessDate },
      { label: 'State', value: (d) => badge(d.state) },
      { label: 'Opened', value: (d) => time(d.openedAt) },
      { label: 'Closed', value: (d) => (d.closedAt ? time(d.closedAt) : '') },
      { label: 'Replay', value: (d) => (d.replayable
        ? el('button', { type: 'button', class: 'replay-button', dataset: { day: d.businessDate } }, `Replay ${d.businessDate}`)
        : (d.state === 'CLOSED' ? 'not logged from its start' : 'open')) },
    ], days.items, { rowAttrs: (d) => ({ dataset: { day: d.businessDate } }) }));
  }
}

// one listener for every replay button, which the polling redraws
document.getElementById('days').addEventListener('click', (ev) => {
  const button = ev.target.closest('button.replay-button');
  if (!button) return;
  const date = button.dataset.day;
  act(button, async () => {
    const run = await api('/api/v1/simulations', { method: 'POST',
      body: { replay: { businessDate: date }, modes: ['RTGS_LSM', 'RTGS', 'DNS'] } });
    say('replay-status', el('span', {}, `Replay of ${date} started as simulation run `,
      el('a', { href: `/simulations.html?run=${run.id}` }, run.id), ': under RTGS_LSM with its own liquidity it should end every payment as the day did.'), 'ok');
  }, 'replay-status');
});


/** The balances chart: every CIPS account (a member's own), or those whose name or BIC holds what the reader typed. */
let chartedAccounts = [];
function balancesChart(accounts = chartedAccounts) {
  chartedAccounts = accounts;
  const cips = accounts.filter((a) => a.heldAt === 'CIPS');
  const all = cips.length ? cips : accounts;
  const wanted = balancesSearch.value.trim();
  const shown = all.filter((a) => isBank(a.bic, wanted));
  document.getElementById('balances-title').textContent = cips.length
    ? 'CIPS accounts: balance and queued outgoing' : 'Your account: balance and queued outgoing';
  say('balances-found', wanted ? `${count(shown.length, 'account')} of ${number(all.length)} match “${wanted}”.` : '');
  chart('balances-chart', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: chartAmount },
    legend: { top: 0 },
    // containLabel: the amounts' labels are measured, never clipped at the chart's edge
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: shown.map((a) => a.bic.slice(0, 8)), axisLabel: { rotate: 45 },
      axisPointer: { label: { formatter: (p) => bankName(shown.find((a) => a.bic.startsWith(p.value))?.bic) } } },
    yAxis: { type: 'value', name: 'CNY', axisLabel: { formatter: chartAmount } },
    series: [
      { type: 'bar', name: 'Balance', data: shown.map((a) => Number(a.balance)), color: '#0b5cad' },
      { type: 'bar', name: 'Queued outgoing', data: shown.map((a) => Number(a.queuedOutgoing)), color: '#b3261e' },
    ],
  });
}
const balancesSearch = document.getElementById('balances-search');
balancesSearch.addEventListener('input', () => balancesChart());

const limitForm = document.getElementById('limit-form');
const limitAccount = document.getElementById('limit-account');
const limitKind = document.getElementById('limit-kind');

const liquidityAccount = document.getElementById('liquidity-account');
const statementAccount = document.getElementById('statement-account');
/** The open business day, as the last refresh saw it: a statement without a date is that day's. */
let openDay = '';

/** The forms' accounts: every account the caller sees, redrawn only when that list changes. */
function offerAccounts(accounts) {
  const bics = accounts.map((a) => a.bic).join(' ');
  if (limitAccount.dataset.bics === bics) return;
  limitAccount.dataset.bics = bics;
  for (const select of [limitAccount, liquidityAccount, statementAccount]) {
    const chosen = select.value;
    fill(select, accounts.map((a) => el('option', { value: a.bic, dataset: { heldAt: a.heldAt } }, `${bankName(a.bic)} · ${a.bic} (held at ${a.heldAt})`)));
    if (accounts.some((a) => a.bic === chosen)) select.value = chosen;
    else if (select === limitAccount) suggestKind();
  }
}

/** A CIPS account takes a reservation, an indirect one a credit line; the reader may still choose. */
function suggestKind() {
  const option = limitAccount.selectedOptions[0];
  if (option) limitKind.value = option.dataset.heldAt === 'CIPS' ? 'reservation' : 'credit-line';
}

const tick = poll(refresh, 3000, (e) => {
  fill('updated', 'not since ', time(new Date()), `: ${problemText(e)}`);
});

/** An action from this page, then the page brought up to date at once. */
function act(button, fn, status = 'action-status') {
  return busy(button, status, async () => {
    await fn();
    await tick();
  });
}

if (me.role === 'operator') {
  const offset = document.getElementById('offset-button');
  offset.addEventListener('click', () => act(offset, async () => {
    const r = await api('/api/v1/settlement/offset', { method: 'POST' });
    say('action-status', `Offsetting settled ${count(r.settledCount, 'payment')} worth ${money(r.settledValue)} CNY (${number(r.bilateral)} by bilateral, ${number(r.multilateral)} by multilateral offsetting).`, 'ok');
  }));
  const cycle = document.getElementById('cycle-button');
  cycle.addEventListener('click', () => act(cycle, async () => {
    const r = await api('/api/v1/settlement/cycles', { method: 'POST' });
    say('action-status', `Netting cycle ${r.id} settled ${count(r.settledCount, 'payment')} worth ${money(r.settledValue)} CNY; ${count(r.carriedOverCount, 'payment')} worth ${money(r.carriedOverValue)} CNY carried over.`, 'ok');
  }));
  const close = document.getElementById('close-button');
  close.addEventListener('click', () => act(close, async () => {
    if (!window.confirm('Close the business day? Whatever is still queued after a last offset is rejected (AM04).')) return;
    const r = await api('/api/v1/settlement/day/close', { method: 'POST' });
    say('action-status', `Closed ${r.closedDate}: ${r.settledByLastOffset} settled by the last offset, ${r.rejected} rejected (AM04). ${r.openedDate} is open.`, 'ok');
  }));
}

// liquidity: operators anywhere, a member for the accounts it is the agent of (the API decides)
if (me.role === 'operator' || me.role === 'member') {
  const form = document.getElementById('liquidity-form');
  form.hidden = false;
  const submit = form.querySelector('button[type=submit]');
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const account = liquidityAccount.value;
    const direction = document.getElementById('liquidity-direction').value;
    const amount = document.getElementById('liquidity-amount').value.trim();
    const reference = document.getElementById('liquidity-reference').value.trim();
    const what = `${direction === 'IN' ? 'Move' : 'Take'} ${money(amount)} CNY ${direction === 'IN' ? 'into' : 'out of'} the account of ${bankName(account)} (${account})?`;
    if (!window.confirm(what)) {
      say('liquidity-status', 'Nothing moved.');
      return;
    }
    // one idempotency key per movement: sent again (a retry after a lost answer), it moves nothing twice
    const key = 'dashboard-' + uuid();
    act(submit, async () => {
      const a = await api(`/api/v1/accounts/${encodeURIComponent(account)}/liquidity`, { method: 'POST',
        headers: { 'Idempotency-Key': key },
        body: { direction, amount, currency: 'CNY', ...(reference ? { reference } : {}) } });
      say('liquidity-status', `${direction === 'IN' ? 'Moved' : 'Took'} ${money(amount)} CNY ${direction === 'IN' ? 'into' : 'out of'} the account of ${bankName(a.bic)} (${a.bic}): its balance is now ${money(a.balance)} CNY, ${money(a.available)} CNY available.`, 'ok');
    }, 'liquidity-status');
  });
}

// operators, agents (credit lines of their indirects) and direct participants (their own reservation)
if (me.role === 'operator' || me.role === 'member') {
  limitForm.hidden = false;
  limitAccount.addEventListener('change', suggestKind);
  const submit = limitForm.querySelector('button[type=submit]');
  limitForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const kind = limitKind.value;
    act(submit, async () => {
      const a = await api(`/api/v1/accounts/${encodeURIComponent(limitAccount.value)}/${kind}`,
        { method: 'PUT', body: { amount: document.getElementById('limit-amount').value.trim(), currency: 'CNY' } });
      say('limit-status', kind === 'credit-line'
        ? `The credit line of ${bankName(a.bic)} (${a.bic}) is now ${money(a.creditLine)} CNY; ${money(a.available)} CNY available.`
        : `${bankName(a.bic)} (${a.bic}) now reserves ${money(a.reserved)} CNY for HIGH payments; ${money(a.available)} CNY available to NORM payments.`, 'ok');
    }, 'limit-status');
  });
}

// cancel a queued payment: one listener for every button, which the polling redraws
document.getElementById('queue').addEventListener('click', (ev) => {
  const button = ev.target.closest('button.cancel-button');
  if (!button) return;
  const row = button.closest('tr');
  const uetr = button.dataset.uetr;
  act(button, async () => {
    const p = await cancelQueued(uetr, `${uetr} (${row.cells[4].textContent} to ${row.cells[5].textContent}, ${row.cells[6].textContent} CNY)`);
    if (!p) {
      say('action-status', `Payment ${uetr} stays in the queue.`);
      return;
    }
    say('action-status', el('span', {}, 'Payment ', el('a', { href: `/payment.html?uetr=${p.uetr}`, class: 'mono' }, p.uetr),
      ` of ${money(p.amount)} CNY from ${bankName(p.debtorAgent)} is ${p.status.toLowerCase()}: it left the queue.`), 'ok');
  });
});

// statements for every account the caller sees, as JSON or as the camt.053 a bank's back office reads
const statementForm = document.getElementById('statement-form');
statementForm.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const account = statementAccount.value;
  const date = document.getElementById('statement-date').value;
  const camt = document.getElementById('statement-format').value === 'camt.053';
  act(statementForm.querySelector('button[type=submit]'), async () => {
    const body = await api(`/api/v1/accounts/${encodeURIComponent(account)}/statement${date ? '?date=' + date : ''}`,
      { accept: camt ? 'application/xml' : 'application/json' });
    const text = camt ? body : JSON.stringify(body, null, 2);
    const xml = camt ? new DOMParser().parseFromString(body, 'application/xml') : null;
    const day = camt ? date || openDay : body.date;
    const entries = camt ? xml.getElementsByTagNameNS('*', 'Ntry').length : body.entries.length;
    const name = `statement-${account}-${day}.${camt ? 'camt.053.xml' : 'json'}`;
    const link = downloadLink(text, camt ? 'application/xml' : 'application/json', name, name, { id: 'statement-link' });
    say('statement-status', el('span', {}, `The statement of ${bankName(account)} (${account}) for ${day}: ${count(entries, 'entry', 'entries')}`,
      camt ? '' : `, opening ${money(body.openingBalance)} CNY, closing ${money(body.closingBalance)} CNY${body.isFinal ? '' : ' (the day is still open)'}`,
      '. Downloaded as ', link, '.'), 'ok');
    link.click();
  }, 'statement-status');
});
