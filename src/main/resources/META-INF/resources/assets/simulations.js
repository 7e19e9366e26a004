// Simulations: run a built-in scenario or an uploaded CSV under the chosen modes, follow its progress,
// and read the report as charts: value settled per mode, delay distribution, liquidity used against
// the Leinonen-Soramäki bounds, and the delay-versus-liquidity curve of a sweep.
import { api, all, el, fill, say, problemText, start, table, badge, chart, money, amount, number, count, bank, bankName, chartAmount, HARBIN, HARBIN_COLOUR, time, query, figure, figuresOf, isBank } from './app.js';

await start('simulations');
const MODES = ['RTGS', 'RTGS_LSM', 'DNS'];
const MODE_COLOURS = { RTGS: '#0b5cad', RTGS_LSM: '#1e7b34', DNS: '#8a5a00' };
let report = null;
/** Which run the page follows: a newer one (a second start, a link) stops the older loop. */
let following = 0;

/** The options both forms share: modes, opening liquidity, sweep levels. */
function options(prefix) {
  return [
    el('fieldset', {}, el('legend', {}, 'Modes'),
      MODES.map((m) => el('label', { class: 'inline', for: `${prefix}-mode-${m}` },
        el('input', { type: 'checkbox', id: `${prefix}-mode-${m}`, name: 'modes', value: m, checked: true }), ` ${m}`))),
    el('label', { for: `${prefix}-liquidity` }, 'Opening liquidity',
      el('select', { id: `${prefix}-liquidity`, name: 'liquidity' },
        el('option', { value: 'UPPER_BOUND' }, 'Upper bound (nothing waits)'),
        el('option', { value: 'LOWER_BOUND' }, 'Lower bound (least that settles all by day end)'),
        ['0.25', '0.5', '0.75'].map((f) => el('option', { value: f }, `${f} of the way from lower to upper`)))),
    el('label', { for: `${prefix}-sweep` }, 'Sweep levels (fractions, comma-separated; empty: no sweep)',
      el('input', { id: `${prefix}-sweep`, name: 'sweep', placeholder: '0,0.25,0.5,0.75,1', autocomplete: 'off', spellcheck: 'false' })),
  ];
}
fill('scenario-options', options('sim'));
fill('csv-options', options('csv'));

function chosen(form) {
  const data = new FormData(form);
  const sweep = String(data.get('sweep') || '').split(',').map((s) => s.trim()).filter(Boolean);
  return { modes: data.getAll('modes'), liquidity: data.get('liquidity'), seed: data.get('seed'), sweep };
}

async function follow(id) {
  const mine = ++following;
  document.getElementById('progress-card').hidden = false;
  document.getElementById('run-id').textContent = id;
  const bar = document.getElementById('run-progress');
  for (;;) {
    const run = await api(`/api/v1/simulations/${encodeURIComponent(id)}`);
    if (mine !== following) return;
    if (!['QUEUED', 'RUNNING', 'DONE', 'FAILED'].includes(run.status)) {
      say('sim-status', `Run ${id} is ${run.status}.`, 'error');
      return;
    }
    bar.value = Number(run.progress);
    bar.textContent = `${Math.round(run.progress * 100)} %`;
    if (run.status === 'QUEUED') {
      say('sim-status', `Run ${id} waits for its turn: number ${number(run.placeInLine)} in line.`);
    } else if (run.status === 'RUNNING') {
      say('sim-status', `Run ${id} is running: ${Math.round(run.progress * 100)} %.`);
    }
    if (run.status === 'DONE') {
      say('sim-status', `Run ${id} is done.`, 'ok');
      show(run);
      await runs();
      return;
    }
    if (run.status === 'FAILED') {
      say('sim-status', `Run ${id} failed: ${run.error || 'no reason given'}`, 'error');
      await runs();
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function launch(form, send) {
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    say('sim-status', 'Starting…');
    const run = await send();
    say('sim-status', `Run ${run.id} started.`);
    history.replaceState(null, '', `${location.pathname}?run=${run.id}`);
    button.disabled = false;
    await follow(run.id);
  } catch (e) {
    say('sim-status', problemText(e), 'error');
  } finally {
    button.disabled = false;
  }
}

document.getElementById('scenario-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const o = chosen(ev.target);
  const body = { scenario: new FormData(ev.target).get('scenario'), seed: Number(o.seed), modes: o.modes, liquidity: o.liquidity };
  if (o.sweep.length) body.sweep = o.sweep;
  launch(ev.target, () => api('/api/v1/simulations', { method: 'POST', body }));
});

document.getElementById('csv-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const o = chosen(ev.target);
  const file = document.getElementById('csv-file').files[0];
  const participants = document.getElementById('csv-participants').value.trim();
  launch(ev.target, async () => api('/api/v1/simulations' + query({ seed: o.seed, modes: o.modes.join(','), liquidity: o.liquidity,
    sweep: o.sweep.join(','), participants }), { method: 'POST', contentType: 'text/csv', body: await file.text() }));
});


function classLabel(c, i, classes) {
  const fmt = (s) => (s === 0 ? '0 s' : s < 3600 ? `${s / 60} min` : `${s / 3600} h`);
  if (c.upToSeconds === 0) return 'on arrival';
  if (c.upToSeconds === null || c.upToSeconds === undefined) return `> ${fmt(classes[i - 1].upToSeconds)}`;
  return `≤ ${fmt(c.upToSeconds)}`;
}

function liquidityChart() {
  const mode = document.getElementById('liquidity-mode').value;
  const wanted = document.getElementById('liquidity-search').value.trim().toLowerCase();
  const byUpper = Object.keys(report.bounds).sort((a, b) => Number(report.bounds[b].upper) - Number(report.bounds[a].upper));
  // the 30 largest, and Harbin Bank always; or the banks whose name or BIC holds what the reader typed
  let bics = wanted
    ? byUpper.filter((b) => isBank(b, wanted)).slice(0, 30)
    : byUpper.slice(0, 30);
  if (!wanted && report.bounds[HARBIN] && !bics.includes(HARBIN)) bics = [...bics, HARBIN];
  const shownAs = wanted ? `${count(bics.length, 'account')} matching “${wanted}”` : `the ${bics.length === byUpper.length ? bics.length : 30} largest upper bounds${bics.includes(HARBIN) && byUpper.indexOf(HARBIN) >= 30 ? ' and Harbin Bank' : ''}`;
  const used = report.modes[mode].liquidityUsed.byParticipant;
  chart('liquidity-chart', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: chartAmount },
    legend: { top: 0 },
    // the axis's name below its labels: at its end it would stick out of the chart (containLabel leaves names out)
    grid: { left: 8, right: 24, top: 36, bottom: 36, containLabel: true },
    yAxis: { type: 'category', data: bics.map((b) => b.slice(0, 8)), inverse: true,
      axisLabel: { color: (v) => (HARBIN.startsWith(v) ? HARBIN_COLOUR : '#1d2329') },
      axisPointer: { label: { formatter: (p) => bankName(bics.find((b) => b.startsWith(p.value))) } } },
    xAxis: { type: 'value', name: 'Liquidity, CNY', nameLocation: 'middle', nameGap: 28, axisLabel: { formatter: chartAmount } },
    series: [
      { type: 'bar', name: `Used (${mode})`, data: bics.map((b) => Number(used[b] || 0)), color: MODE_COLOURS[mode] },
      { type: 'scatter', name: 'Lower bound', symbol: 'rect', symbolSize: [4, 16], data: bics.map((b) => Number(report.bounds[b].lower)), color: '#b3261e' },
      { type: 'scatter', name: 'Upper bound', symbol: 'rect', symbolSize: [4, 16], data: bics.map((b) => Number(report.bounds[b].upper)), color: '#12263f' },
      { type: 'scatter', name: 'Given', symbol: 'diamond', symbolSize: 9, data: bics.map((b) => Number(report.liquidity[b] || 0)), color: '#7b3fa0' },
    ],
  });
  fill('liquidity-figures', figuresOf(`Liquidity per account under ${mode}, CNY (${shownAs})`, [
    { label: 'Account', value: (b) => bank(b) },
    { label: 'Used', value: (b) => money(used[b]), num: true },
    { label: 'Lower bound', value: (b) => money(report.bounds[b].lower), num: true },
    { label: 'Upper bound', value: (b) => money(report.bounds[b].upper), num: true },
    { label: 'Given', value: (b) => money(report.liquidity[b]), num: true },
  ], bics));
}

function show(run) {
  report = run.report;
  document.getElementById('report').hidden = false;
  const modes = Object.keys(report.modes);
  fill('report-figures',
    figure('report-scenario', 'Scenario', report.scenario || 'uploaded'),
    figure('report-payments', 'Payments', report.payments),
    figure('report-value', 'Value (CNY)', amount(report.paymentsValue)),
    report.replay ? null : figure('report-seed', 'Seed', report.seed));
  chart('settled-chart', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: chartAmount },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: modes },
    yAxis: { type: 'value', name: 'CNY', axisLabel: { formatter: chartAmount } },
    series: [
      { type: 'bar', stack: 'v', name: 'Settled', data: modes.map((m) => Number(report.modes[m].settledValue)), color: '#1e7b34' },
      { type: 'bar', stack: 'v', name: 'Unsettled', data: modes.map((m) => Number(report.modes[m].unsettledValue)), color: '#b3261e' },
    ],
  });
  const classes = report.modes[modes[0]].delay.distribution || [];
  chart('delay-chart', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: classes.map(classLabel) },
    yAxis: { type: 'value', name: 'payments', minInterval: 1 },
    series: modes.map((m) => ({ type: 'bar', name: m, color: MODE_COLOURS[m], data: report.modes[m].delay.distribution.map((c) => c.count) })),
  });
  fill('delay-figures', figuresOf('Settled payments per delay class', [
    { label: 'Delay', value: (i) => classLabel(classes[i], i, classes) },
    ...modes.map((m) => ({ label: m, value: (i) => number(report.modes[m].delay.distribution[i].count), num: true })),
  ], classes.map((c, i) => i)));
  const select = document.getElementById('liquidity-mode');
  fill(select, modes.map((m) => el('option', { value: m }, m)));
  select.onchange = liquidityChart;
  document.getElementById('liquidity-search').oninput = liquidityChart;
  liquidityChart();
  const sweepCard = document.getElementById('sweep-card');
  sweepCard.hidden = !report.sweep;
  if (report.sweep) {
    chart('sweep-chart', {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 48, bottom: 36, containLabel: true },
      xAxis: { type: 'value', scale: true, name: 'Liquidity given, CNY', nameLocation: 'middle', nameGap: 28,
        axisLabel: { formatter: chartAmount } },
      yAxis: { type: 'value', min: 0, max: 1, name: 'Delay indicator / settled share', nameTextStyle: { align: 'left' } },
      // the delay indicator counts unsettled payments: a mode that settles little cannot look fast
      series: modes.flatMap((m) => [
        { type: 'line', name: `${m} delay indicator`, color: MODE_COLOURS[m], symbolSize: 8,
          data: report.sweep.map((p) => [Number(p.liquidityTotal), Number(p.modes[m].delayIndicator)]) },
        { type: 'line', name: `${m} settled share`, color: MODE_COLOURS[m], symbolSize: 6, lineStyle: { type: 'dashed' },
          data: report.sweep.map((p) => [Number(p.liquidityTotal), Number(p.modes[m].settlementRatio.value)]) },
      ]),
    });
    fill('sweep-figures', figuresOf('Delay indicator and settled share of value at each liquidity level', [
      { label: 'Fraction', value: (p) => p.fraction, num: true },
      { label: 'Liquidity (CNY)', value: (p) => money(p.liquidityTotal), num: true },
      ...modes.flatMap((m) => [
        { label: `${m} delay indicator`, value: (p) => p.modes[m].delayIndicator, num: true },
        { label: `${m} settled share`, value: (p) => p.modes[m].settlementRatio.value, num: true },
        { label: `${m} mean delay (s)`, value: (p) => p.modes[m].meanDelay, num: true },
      ]),
    ], report.sweep));
  }
  fill('mode-table', table('Per mode', [
    { label: 'Mode', value: (m) => m },
    { label: 'Settled', value: (m) => number(report.modes[m].settledCount), num: true },
    { label: 'Settled (CNY)', value: (m) => money(report.modes[m].settledValue), num: true },
    { label: 'Unsettled', value: (m) => number(report.modes[m].unsettledCount), num: true },
    { label: 'Settled share (count / value)', value: (m) => `${report.modes[m].settlementRatio.count} / ${report.modes[m].settlementRatio.value}`, num: true },
    { label: 'Delay indicator', value: (m) => report.modes[m].delayIndicator, num: true },
    { label: 'Mean delay, all payments (s)', value: (m) => report.modes[m].delay.mean, num: true },
    { label: 'Mean delay, settled (s)', value: (m) => report.modes[m].delaySettled.mean, num: true },
    { label: 'p95 delay (s)', value: (m) => report.modes[m].delay.p95, num: true },
    { label: 'Liquidity used (CNY)', value: (m) => money(report.modes[m].liquidityUsed.total), num: true },
    { label: 'Offsets (bilateral / multilateral)', value: (m) => `${number(report.modes[m].offsets.bilateral)} / ${number(report.modes[m].offsets.multilateral)}`, num: true },
  ], modes));
  const stressCard = document.getElementById('stress-card');
  stressCard.hidden = !report.stress;
  if (report.stress) {
    const measures = [['settledValue', 'Settled value (CNY)'], ['delayIndicator', 'Delay indicator'], ['liquidityUsed', 'Liquidity used (CNY)']];
    fill('stress-worst', table('Largest deterioration per mode', [
      { label: 'Mode', value: (m) => m },
      ...measures.map(([k, label]) => ({ label, value: (m) => {
        const w = report.stress.largestDeterioration[m][k];
        return w.bic ? `${w.bic} (${w.change})` : 'nobody worse';
      } })),
    ], modes));
    const rows = modes.flatMap((m) => report.stress.participants[m].map((c) => ({ mode: m, ...c })));
    fill('stress-table', table(`${number(rows.length)} participant changes (stressed minus baseline)`, [
      { label: 'Mode', value: (r) => r.mode },
      { label: 'Participant', value: (r) => r.bic },
      ...measures.map(([k, label]) => ({ label, value: (r) => `${r[k].baseline} → ${r[k].stressed} (${r[k].change})`, num: true })),
    ], rows));
  }
  const replayCard = document.getElementById('replay-card');
  replayCard.hidden = !report.replay;
  if (report.replay) {
    const r = report.replay;
    fill('replay-figures',
      figure('replay-day', 'Business day replayed', r.businessDate),
      figure('replay-payments', 'Payments', r.payments),
      figure('replay-live-settled', 'Settled live', el('span', {}, `${number(r.live.settledCount)} (`, amount(r.live.settledValue), ' CNY)')),
      figure('replay-live-unsettled', 'Unsettled live', el('span', {}, `${number(r.live.unsettledCount)} (`, amount(r.live.unsettledValue), ' CNY)')),
      figure('replay-live-cancelled', 'Cancelled live', r.live.cancelledCount),
      r.restores ? figure('replay-restores', 'Live engine read back during the day', r.restores) : null);
    fill('replay-table', table('Each mode against the live day, payment by payment', [
      { label: 'Mode', value: (m) => m },
      { label: 'Same as live', value: (m) => (r.modes[m].sameAsLive ? 'yes' : 'no') },
      { label: 'Payments that ended otherwise', value: (m) => number(r.modes[m].differences), num: true },
      { label: 'Settled live only', value: (m) => number(r.modes[m].settledLiveOnly), num: true },
      { label: 'Settled in the replay only', value: (m) => number(r.modes[m].settledReplayOnly), num: true },
      { label: 'Settled otherwise (method or run)', value: (m) => number(r.modes[m].otherMethod), num: true },
    ], modes));
    const rows = modes.flatMap((m) => r.modes[m].firstDifferences.map((d) => ({ mode: m, ...d })));
    fill('replay-differences', rows.length ? table(`The first payments that ended otherwise (at most 20 per mode)`, [
      { label: 'Mode', value: (d) => d.mode },
      { label: 'Payment', value: (d) => el('a', { href: `/payment.html?uetr=${d.uetr}`, class: 'mono' }, d.uetr.slice(0, 8) + '…') },
      { label: 'Live', value: (d) => d.live },
      { label: 'Replay', value: (d) => d.replay },
    ], rows) : null);
  }
  const seedsCard = document.getElementById('seeds-card');
  seedsCard.hidden = !report.seedStatistics;
  if (report.seedStatistics) {
    const rows = modes.flatMap((m) => Object.entries(report.seedStatistics.modes[m]).map(([k, e]) => ({ mode: m, measure: k, ...e })));
    fill('seeds-table', table(`Seeds ${report.seedStatistics.seeds.join(', ')}`, [
      { label: 'Mode', value: (r) => r.mode },
      { label: 'Measure', value: (r) => r.measure },
      { label: 'Mean', value: (r) => r.mean, num: true },
      { label: '95 % interval', value: (r) => `${r.low} … ${r.high}`, num: true },
      { label: 'n', value: (r) => r.n, num: true },
    ], rows));
  }
  document.getElementById('report-title').focus();
}

async function runs() {
  const list = await all('/api/v1/simulations');
  fill('runs', table(count(list.length, 'run'), [
    { label: 'Run', value: (r) => el('a', { href: `?run=${r.id}`, class: 'mono' }, r.id) },
    { label: 'Scenario', value: (r) => r.scenario || 'uploaded' },
    { label: 'Status', value: (r) => (r.status === 'QUEUED' ? el('span', {}, badge(r.status), ` number ${number(r.placeInLine)} in line`) : badge(r.status)) },
    { label: 'Progress', value: (r) => `${Math.round(r.progress * 100)} %`, num: true },
    { label: 'Started by', value: (r) => r.owner },
    { label: 'Created', value: (r) => time(r.createdAt) },
  ], list.slice().reverse()));
}

const wanted = new URLSearchParams(location.search).get('run');
runs().catch((e) => say('sim-status', problemText(e), 'error'));
if (wanted) follow(wanted).catch((e) => say('sim-status', problemText(e), 'error'));
