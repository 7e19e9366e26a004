// The alliance: composition by category, active members over time (from join and withdrawal dates,
// the same rule as the summary: a member counts from joinedOn until the day before leftOn), the list.
import { api, all, el, fill, say, problemText, start, pagedTable, badge, chart, query, count, figure, figuresOf, latest } from './app.js';

await start('alliance');
const CATEGORIES = ['BANK', 'TRUST', 'FUND', 'INSURER'];
const COLOURS = ['#0b5cad', '#1e7b34', '#8a5a00', '#7b3fa0'];


const composition = latest((asOf) => api('/api/v1/alliance/summary' + query({ asOf })), (s) => {
  fill('figures',
    figure('count-alliance-active', `Active members on ${s.asOf}`, s.activeMembers),
    ...CATEGORIES.map((c) => figure(`count-${c.toLowerCase()}`, c.charAt(0) + c.slice(1).toLowerCase() + 's', s.byCategory[c] || 0)),
    figure('count-alliance-countries', 'Countries', Object.keys(s.byCountry).length));
  chart('composition-chart', {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 32 },
    xAxis: { type: 'category', data: CATEGORIES },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: 'Active members', data: CATEGORIES.map((c, i) => ({ value: s.byCategory[c] || 0, itemStyle: { color: COLOURS[i] } })),
      label: { show: true, position: 'top' } }],
  });
});

/** Active members per category on every date a member joined or left, up to today. */
function history(members) {
  const dates = [...new Set(members.flatMap((m) => [m.joinedOn, m.leftOn]).filter(Boolean))].sort();
  const today = new Date().toISOString().slice(0, 10);
  if (dates.length && dates[dates.length - 1] < today) dates.push(today);
  const activeOn = (m, d) => m.joinedOn <= d && (!m.leftOn || m.leftOn > d);
  chart('history-chart', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 32 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', minInterval: 1 },
    series: CATEGORIES.map((c, i) => ({
      type: 'line', name: c, step: 'end', stack: 'members', areaStyle: {}, symbol: 'none', color: COLOURS[i],
      data: dates.map((d) => [d, members.filter((m) => m.category === c && activeOn(m, d)).length]),
    })),
  });
  // the same series at each year's end and today, for readers who cannot see the chart
  const years = [...new Set(dates.map((d) => d.slice(0, 4)))];
  const ends = years.map((y) => (`${y}-12-31` < today ? `${y}-12-31` : today));
  fill('history-figures', figuresOf('Active members at the end of each year, and today', [
    { label: 'Date', value: (d) => d },
    ...CATEGORIES.map((c) => ({ label: c, value: (d) => members.filter((m) => m.category === c && activeOn(m, d)).length, num: true })),
    { label: 'All', value: (d) => members.filter((m) => activeOn(m, d)).length, num: true },
  ], ends));
}

const list = latest(() => all('/api/v1/alliance/members' + query(Object.fromEntries(new FormData(document.getElementById('member-filters'))))), (found) => {
  // the name search is the page's own (the API filters by status, category and country)
  const wanted = document.getElementById('f-name').value.trim().toLowerCase();
  const members = wanted ? found.filter((m) => m.name.toLowerCase().includes(wanted) || (m.bic || '').toLowerCase().includes(wanted)) : found;
  const target = document.getElementById('members');
  target.dataset.page = 0;
  pagedTable(target, count(members.length, 'member'), [
    { label: 'Name', value: (m) => m.name },
    { label: 'Category', value: (m) => m.category },
    { label: 'Country', value: (m) => m.country },
    { label: 'BIC', value: (m) => (m.bic ? el('code', {}, m.bic) : '') },
    { label: 'Joined', value: (m) => m.joinedOn },
    { label: 'Left', value: (m) => m.leftOn || '' },
    { label: 'Status', value: (m) => badge(m.status) },
  ], members);
  say('members-status', `${count(members.length, 'member')} match${members.length === 1 ? 'es' : ''}.`);
});

async function load() {
  const everyone = await all('/api/v1/alliance/members');
  const countries = [...new Set(everyone.map((m) => m.country))].sort();
  document.getElementById('f-country').append(...countries.map((c) => el('option', {}, c)));
  history(everyone);
  await Promise.all([composition(), list()]);
}

document.getElementById('asof-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  composition(document.getElementById('as-of').value).catch((e) => say('members-status', problemText(e), 'error'));
});
document.getElementById('member-filters').addEventListener('submit', (ev) => {
  ev.preventDefault();
  list().catch((e) => say('members-status', problemText(e), 'error'));
});
load().catch((e) => say('members-status', problemText(e), 'error'));
