// Payments: search by status, agents (or the agent that routes them) and business date, newest first unless
// asked otherwise (the filters live in the address, so a search can be bookmarked or shared); each result
// links to the payment's page.
// Operators and members send a payment from a form (JSON) or upload a pacs.008 / pacs.009 document and
// read the pacs.002 that answers it.
import { api, all, el, fill, say, problemText, start, busy, downloadLink, table, badge, amount, money, number, bank, bankName, query, count, latest, uuid } from './app.js';

const me = await start('payments');
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
for (const name of ['status', 'debtorAgent', 'creditorAgent', 'routedBy', 'businessDate', 'order']) {
  if (given.has(name)) form.elements[name].value = given.get(name);
}
page = Math.max(0, parseInt(given.get('page') || '0', 10) || 0);
form.addEventListener('submit', (ev) => { ev.preventDefault(); page = 0; run(); });
document.getElementById('previous').addEventListener('click', () => { page = Math.max(0, page - 1); run(); });
document.getElementById('next').addEventListener('click', () => { page += 1; run(); });
all('/api/v1/participants').then((ps) => fill('bics', ps.map((p) => el('option', { value: p.bic }, p.name)))).catch(() => {});
run();

// --- sending: operators for any bank, a member for its own (the API decides)

const ISO_STATUSES = {
  ACSC: 'settled', ACSP: 'accepted, waiting in the queue', PDNG: 'pending the next netting cycle', RJCT: 'rejected', CANC: 'cancelled',
};
const STATUS_WORDS = { SETTLED: 'settled', QUEUED: 'waiting in the queue', REJECTED: 'rejected', CANCELLED: 'cancelled' };

if (me.role === 'operator' || me.role === 'member') {
  const send = document.getElementById('send-form');
  const uetrField = document.getElementById('p-uetr');
  const fresh = () => {
    uetrField.value = uuid();
    send.elements.endToEndId.value = 'DASH-' + uetrField.value.slice(0, 8).toUpperCase();
  };
  fresh();
  if (me.role === 'member') send.elements.debtorAgent.value = me.bic;
  const sendButton = send.querySelector('button[type=submit]');
  send.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = Object.fromEntries([...new FormData(send)].map(([k, v]) => [k, String(v).trim()]));
    const from = f.debtorAgent.toUpperCase();
    const to = f.creditorAgent.toUpperCase();
    if (!window.confirm(`Send ${money(f.amount)} CNY from ${bankName(from)} (${from}) to ${bankName(to)} (${to})?`)) {
      say('send-status', 'Nothing was sent.');
      return;
    }
    const body = {
      uetr: f.uetr, endToEndId: f.endToEndId, debtorAgent: from, creditorAgent: to, amount: f.amount, currency: 'CNY',
      priority: f.priority, settlement: f.settlement,
      ...(f.debtorName ? { debtor: { name: f.debtorName } } : {}),
      ...(f.creditorName ? { creditor: { name: f.creditorName } } : {}),
      ...(f.remittanceInformation ? { remittanceInformation: f.remittanceInformation } : {}),
    };
    busy(sendButton, 'send-status', async () => {
      const p = await api('/api/v1/payments', { method: 'POST', body });
      say('send-status', el('span', {}, 'Payment ', el('a', { href: `/payment.html?uetr=${p.uetr}`, class: 'mono' }, p.uetr),
        ` of ${money(p.amount)} CNY from ${bankName(p.debtorAgent)} to ${bankName(p.creditorAgent)}: `,
        el('strong', { class: 'result' }, STATUS_WORDS[p.status] || p.status),
        p.reasonCode ? ` (${p.reasonCode}: ${p.reason || ''})` : '', '.'), p.status === 'REJECTED' ? 'error' : 'ok');
      // answered: the next payment gets its own UETR (a retry after a lost answer keeps this one)
      fresh();
      run();
    });
  });

  const upload = document.getElementById('upload-form');
  const uploadButton = upload.querySelector('button[type=submit]');
  upload.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const file = document.getElementById('upload-file').files[0];
    if (!file) return;
    busy(uploadButton, 'upload-status', async () => {
      const text = await file.text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const found = doc.getElementsByTagNameNS('*', 'CdtTrfTxInf').length;
      if (!window.confirm(`Send ${file.name}${found ? ` with ${count(found, 'transaction')}` : ''}?`)) {
        say('upload-status', 'Nothing was sent.');
        return;
      }
      fill('pacs002');
      const report = await api('/api/v1/payments', { method: 'POST', body: text, contentType: 'application/xml', accept: 'application/xml' });
      const statuses = readPacs002(report);
      const settled = statuses.filter((t) => t.status === 'ACSC').length;
      const rejected = statuses.filter((t) => t.status === 'RJCT').length;
      say('upload-status', `${file.name}: the pacs.002 answers ${count(statuses.length, 'transaction')}: ${number(settled)} settled, ${number(rejected)} rejected, ${number(statuses.length - settled - rejected)} waiting.`, rejected ? 'error' : 'ok');
      const download = downloadLink(report, 'application/xml', `pacs.002-${file.name.replace(/\.xml$/i, '')}.xml`, 'Download the pacs.002');
      fill('pacs002', table(`The pacs.002 status report, ${count(statuses.length, 'transaction')}`, [
        { label: 'Payment (UETR)', value: (t) => (t.uetr ? el('a', { href: `/payment.html?uetr=${t.uetr}`, class: 'mono' }, t.uetr) : '—') },
        { label: 'End-to-end id', value: (t) => t.endToEndId },
        { label: 'Status', value: (t) => el('span', {}, badge(t.status), ' ', ISO_STATUSES[t.status] || '') },
        { label: 'Reason', value: (t) => (t.reasonCode ? `${t.reasonCode}${t.reason ? ': ' + t.reason : ''}` : '') },
      ], statuses, { rowAttrs: (t) => ({ dataset: { status: t.status } }) }),
      el('p', {}, download),
      el('details', {}, el('summary', {}, 'The pacs.002 as received'), el('pre', { class: 'xml', tabindex: '0' }, report)));
      run();
    });
  });
}

/** The transactions' statuses in a pacs.002 (namespace-blind: pacs.002.001.10 as this service writes it). */
function readPacs002(xml) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const child = (node, name) => (node ? [...node.getElementsByTagNameNS('*', name)][0] : undefined);
  const text = (node, name) => child(node, name)?.textContent.trim() || '';
  return [...doc.getElementsByTagNameNS('*', 'TxInfAndSts')].map((t) => ({
    uetr: text(t, 'OrgnlUETR'), endToEndId: text(t, 'OrgnlEndToEndId'), status: text(t, 'TxSts'),
    reasonCode: text(child(t, 'Rsn'), 'Cd'), reason: text(child(t, 'StsRsnInf'), 'AddtlInf'),
  }));
}
