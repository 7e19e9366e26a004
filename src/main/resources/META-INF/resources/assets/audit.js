// The audit trail for operators and auditors: every state-changing request, newest first, a page of
// 50 at a time from the API (GET /api/v1/audit?order=newest), and the chain's verification.
import { api, el, fill, say, problemText, start, table, pager, badge, bank, number, time, count } from './app.js';

const me = await start('audit');
const SIZE = 50;
let page = 0;

async function load() {
  const p = await api(`/api/v1/audit?order=newest&page=${page}&size=${SIZE}`);
  const pages = Math.max(1, Math.ceil(p.total / SIZE));
  fill('entries',
    table(`${count(p.total, 'entry')} in all, newest first`, [
      { label: '#', value: (e) => number(e.seq), num: true },
      { label: 'At', value: (e) => time(e.at) },
      { label: 'Who', value: (e) => (e.role ? `${e.actor} (${e.role})` : e.actor) },
      { label: 'Bank', value: (e) => (e.bic ? bank(e.bic) : '') },
      { label: 'Request', value: (e) => el('span', { class: 'mono' }, `${e.method} ${e.path}`) },
      { label: 'Answer', value: (e) => number(e.status), num: true },
      { label: 'Outcome', value: (e) => badge(e.outcome) },
    ], p.items, { rowAttrs: (e) => ({ dataset: { seq: e.seq } }) }),
    pager({ label: 'Audit entries', page, pages, from: page * SIZE, shown: p.items.length, total: p.total,
      previous: () => { page--; return load().catch(failed); }, next: () => { page++; return load().catch(failed); },
      previousLabel: 'Newer', nextLabel: 'Older' }));
}

function failed(e) {
  say('entries-status', problemText(e), 'error');
}

document.getElementById('verify-button').addEventListener('click', async (ev) => {
  const button = ev.currentTarget;
  button.disabled = true;
  say('verify-status', 'Verifying…');
  try {
    const v = await api('/api/v1/audit/verify');
    say('verify-status', v.intact
      ? `Intact: ${count(v.entries, 'entry')} checked, each linked to the one before.`
      : `Broken at entry ${number(v.firstBrokenSeq)}: ${count(v.entries, 'entry')} before it verify.`, v.intact ? 'ok' : 'error');
  } catch (e) {
    say('verify-status', problemText(e), 'error');
  } finally {
    button.disabled = false;
  }
});

if (me.role === 'operator' || me.role === 'auditor') {
  load().catch(failed);
} else {
  document.getElementById('verify-button').disabled = true;
  say('entries-status', 'The audit trail is for operators and auditors: a member bank sees its own payments and account on the other pages.');
}
