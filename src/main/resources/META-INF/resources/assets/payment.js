// One payment: what it is, its route drawn hop by hop, and the postings its settlement made.
import { api, el, fill, say, problemText, start, busy, actsFor, cancelQueued, downloadLink, table, badge, money, amount, bank, bankName, count, time, chart, HARBIN, HARBIN_COLOUR } from './app.js';

const me = await start('payment');
const uetr = new URLSearchParams(location.search).get('uetr') || '';
document.getElementById('payment-uetr').textContent = uetr;
document.title = `Payment ${uetr} · RMB settlement simulator`;

const ROLE_NAMES = {
  DEBTOR_AGENT: 'Debtor agent', DEBTOR_SETTLEMENT_AGENT: 'Debtor settlement agent', CIPS: 'CIPS',
  CREDITOR_SETTLEMENT_AGENT: 'Creditor settlement agent', CREDITOR_AGENT: 'Creditor agent',
};

const SETTLEMENTS = { RTGS: 'RTGS (gross, in real time)', DNS: 'DNS (deferred net settlement, at a netting cycle)' };

function facts(p) {
  const rows = [
    ['Status', badge(p.status)], ['ISO status', p.isoStatus], ['Reason', p.reasonCode ? `${p.reasonCode}: ${p.reason || ''}` : '—'],
    ['Settlement', SETTLEMENTS[p.settlement] || p.settlement], ['Settled by', p.settlementMethod || '—'],
    ['Amount', `${money(p.amount)} ${p.currency}`], ['Priority', p.priority],
    ['Debtor agent', bank(p.debtorAgent)], ['Creditor agent', bank(p.creditorAgent)],
    ['End-to-end id', p.endToEndId], ['Business date', p.businessDate], ['Accepted', time(p.acceptedAt)],
    ['Settled', time(p.settledAt) || '—'], ['Debtor', p.debtor ? p.debtor.name || '' : '—'], ['Creditor', p.creditor ? p.creditor.name || '' : '—'],
    ['Purpose', p.purpose || '—'], ['Remittance', p.remittanceInformation || '—'],
  ];
  fill('facts', rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

function route(p) {
  const hops = p.route || [];
  fill('route', hops.map((h) => el('li', {}, `${ROLE_NAMES[h.role] || h.role}`, h.bic ? ' ' : '', h.bic ? bank(h.bic) : '')));
  const colour = (h) => (h.role === 'CIPS' ? '#12263f' : h.bic === HARBIN ? HARBIN_COLOUR : '#0b5cad');
  chart('route-chart', {
    tooltip: { formatter: (x) => window.echarts.format.encodeHTML(x.data.full || '') },
    series: [{
      type: 'graph', layout: 'none', symbolSize: 46, edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 10,
      label: { show: true, position: 'bottom', formatter: (x) => x.data.caption, fontSize: 11, lineHeight: 14 },
      lineStyle: { width: 2, color: '#8b97a3' },
      data: hops.map((h, i) => ({
        name: String(i), x: i * 100, y: 0, caption: `${h.bic ? h.bic.slice(0, 8) : 'CIPS'}\n${(ROLE_NAMES[h.role] || h.role).replace(' settlement ', '\nsettlement ')}`,
        full: `${ROLE_NAMES[h.role] || h.role}${h.bic ? ': ' + bankName(h.bic) + ' (' + h.bic + ')' : ''}`, itemStyle: { color: colour(h) },
      })),
      links: hops.slice(1).map((h, i) => ({ source: String(i), target: String(i + 1) })),
    }],
  });
}

const cancel = document.getElementById('cancel-button');
const report = document.getElementById('report-button');

async function load() {
  const [p, postings] = await Promise.all([api(`/api/v1/payments/${encodeURIComponent(uetr)}`), api(`/api/v1/payments/${encodeURIComponent(uetr)}/postings`)]);
  // an operator cancels any queued payment, a member one its bank sent
  cancel.hidden = !(p.status === 'QUEUED' && actsFor(me, p.debtorAgent));
  facts(p);
  route(p);
  fill('postings', table(postings.length ? `${count(postings.length, 'posting')}, in the order they were made` : 'No postings: it has not settled', [
    { label: 'Account', value: (x) => bank(x.account) },
    { label: 'Direction', value: (x) => (x.direction === 'DBIT' ? 'Debit' : 'Credit') },
    { label: 'Amount (CNY)', value: (x) => money(x.amount), num: true },
    { label: 'Balance after', value: (x) => amount(x.balanceAfter), num: true },
    { label: 'Counterparty', value: (x) => (x.counterparty ? bank(x.counterparty) : '') },
    { label: 'Business date', value: (x) => x.businessDate },
  ], postings, { rowAttrs: (x) => ({ dataset: { posting: x.id } }) }));
}

cancel.addEventListener('click', () => busy(cancel, 'payment-status', async () => {
  const p = await cancelQueued(uetr, uetr);
  if (!p) {
    say('payment-status', 'It stays in the queue.');
    return;
  }
  say('payment-status', `Payment ${p.uetr} is ${p.status.toLowerCase()}: it left the queue.`, 'ok');
  await load();
}));

report.addEventListener('click', () => busy(report, 'payment-status', async () => {
  const xml = await api(`/api/v1/payments/${encodeURIComponent(uetr)}/status-report`, { accept: 'application/xml' });
  const link = downloadLink(xml, 'application/xml', `pacs.002-${uetr}.xml`);
  say('payment-status', el('span', {}, 'The status report is downloaded as ', link, '.'), 'ok');
  link.click();
}));

load().catch((e) => say('payment-status', e.status === 404 ? `No payment ${uetr} that you may see.` : problemText(e), 'error'));
