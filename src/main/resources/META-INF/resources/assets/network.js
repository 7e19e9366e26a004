// The network: CIPS's direct participants and the indirect ones behind each, Harbin Bank's Russian
// corridor highlighted; the onboarding applications waiting for a decision (operators decide here).
import { api, all, el, fill, say, problemText, start, table, badge, time, chart, bank, bankName, HARBIN, HARBIN_COLOUR, figure, isBank, count } from './app.js';

const me = await start('network');
const OTHER = '#0b5cad';
const INDIRECT = '#6b8fb5';


function tip(p) {
  const e = window.echarts.format.encodeHTML;
  const d = p.data;
  return d.participant ? `${e(d.participant.name)}<br>${e(d.participant.bic)} · ${e(d.participant.country)} · ${e(d.participant.participation)}` : e(d.name);
}

const FOUND = '#8a5a00';
const search = document.getElementById('network-search');
let drawn = [];
search.addEventListener('input', () => draw(drawn));

function draw(participants) {
  drawn = participants;
  const wanted = search.value.trim();
  const active = participants.filter((p) => p.status === 'ACTIVE');
  const direct = active.filter((p) => p.participation === 'DIRECT');
  const behind = (agent) => active.filter((p) => p.participation === 'INDIRECT' && p.settlementAgent === agent.bic);
  const russian = behind({ bic: HARBIN }).filter((p) => p.country === 'RU');

  fill('figures',
    figure('count-direct', 'Direct participants', direct.length),
    figure('count-indirect', 'Indirect participants', active.length - direct.length),
    figure('count-russian-behind-harbin', 'Russian banks behind Harbin Bank', russian.length, 'harbin'),
    figure('count-countries', 'Countries', new Set(active.map((p) => p.country)).size));

  // what the reader searched for stands out: larger, ringed and labelled in bold
  const found = wanted ? active.filter((p) => isBank(p.bic, wanted)) : [];
  const node = (p, colour) => (found.includes(p)
    ? { name: p.bic.slice(0, 8), participant: p, symbolSize: 18, itemStyle: { color: colour, borderColor: FOUND, borderWidth: 4 },
      label: { color: FOUND, fontWeight: 'bold', fontSize: 12 } }
    : { name: p.bic.slice(0, 8), participant: p, itemStyle: { color: colour, borderColor: colour },
      label: { color: colour === HARBIN_COLOUR ? HARBIN_COLOUR : '#1d2329', fontWeight: p.bic === HARBIN ? 'bold' : 'normal' } });
  say('network-found', !wanted ? '' : found.length === 0 ? `No active participant matches “${wanted}”.`
    : `${count(found.length, 'bank')} ${found.length === 1 ? 'matches' : 'match'} “${wanted}”, ringed in the tree: ${found.slice(0, 8).map((p) => `${p.name} (${p.bic})`).join(', ')}${found.length > 8 ? ', …' : ''}.`);
  const tree = {
    name: 'CIPS', itemStyle: { color: '#12263f' }, label: { fontWeight: 'bold' },
    children: direct.map((d) => ({
      ...node(d, d.bic === HARBIN ? HARBIN_COLOUR : OTHER),
      children: behind(d).map((i) => node(i, d.bic === HARBIN && i.country === 'RU' ? HARBIN_COLOUR : INDIRECT)),
    })),
  };
  chart('network-chart', {
    tooltip: { trigger: 'item', formatter: tip },
    series: [{ type: 'tree', layout: 'radial', data: [tree], symbolSize: 9, initialTreeDepth: -1, roam: false,
      label: { fontSize: 10 }, expandAndCollapse: false, lineStyle: { color: '#b9c3cd' } }],
  });

  // the tables below keep to what the reader searched for too
  const listed = (list) => (wanted ? list.filter((p) => isBank(p.bic, wanted)) : list);
  const corridor = listed(russian);
  fill('corridor', table(`${russian.length} Russian banks settle in CIPS through Harbin Bank${wanted ? `; ${corridor.length} match “${wanted}”` : ''}`, [
    { label: 'BIC', value: (p) => el('code', {}, p.bic) },
    { label: 'Name', value: (p) => p.name },
    { label: 'Type', value: (p) => p.institutionType },
    { label: 'Status', value: (p) => badge(p.status) },
  ], corridor, { rowAttrs: (p) => ({ dataset: { bic: p.bic } }) }));
  fill('direct', table('Each direct participant and how many banks settle through it', [
    { label: 'BIC', value: (p) => el('code', {}, p.bic) },
    { label: 'Name', value: (p) => p.name },
    { label: 'Country', value: (p) => p.country },
    { label: 'Indirect behind it', value: (p) => behind(p).length, num: true },
  ], listed(direct), { rowAttrs: (p) => (p.bic === HARBIN ? { class: 'harbin' } : {}) }));
}

async function decide(application, action, row) {
  let body;
  if (action === 'reject') {
    const reason = window.prompt(`Why is ${application.name} rejected?`);
    if (!reason) return;
    body = { reason };
  }
  const buttons = [...row.querySelectorAll('button')];
  buttons.forEach((b) => { b.disabled = true; });
  try {
    await api(`/api/v1/applications/${application.id}/${action}`, { method: 'POST', body });
  } catch (e) {
    buttons.forEach((b) => { b.disabled = false; });
    say('applications-status', problemText(e), 'error');
    return;
  }
  say('applications-status', `${application.name} (${application.bic}) ${action === 'approve' ? 'approved: it is now an indirect participant behind ' + bankName(application.settlementAgent) : 'rejected'}.`, 'ok');
  await refresh().catch((e) => say('applications-status', `Decided, but the page could not be brought up to date: ${problemText(e)}`, 'error'));
}

async function refresh() {
  const [participants, pending] = await Promise.all([all('/api/v1/participants'), all('/api/v1/applications?status=PENDING')]);
  draw(participants);
  const columns = [
    { label: 'BIC', value: (a) => el('code', {}, a.bic) },
    { label: 'Name', value: (a) => a.name },
    { label: 'Country', value: (a) => a.country },
    { label: 'Through', value: (a) => bank(a.settlementAgent) },
    { label: 'Submitted', value: (a) => time(a.submittedAt) },
  ];
  if (me.role === 'operator') {
    columns.push({ label: 'Decision', value: (a) => el('span', { class: 'actions' },
      el('button', { type: 'button', 'aria-label': `Approve ${a.name}`, dataset: { approve: a.bic }, onclick: (ev) => decide(a, 'approve', ev.target.closest('tr')) }, 'Approve'),
      el('button', { type: 'button', class: 'secondary', 'aria-label': `Reject ${a.name}`, onclick: (ev) => decide(a, 'reject', ev.target.closest('tr')) }, 'Reject')) });
  }
  fill('applications', table(`${pending.length} pending`, columns, pending, { rowAttrs: (a) => ({ dataset: { application: a.id } }) }));
}

refresh().catch((e) => say('applications-status', problemText(e), 'error'));
