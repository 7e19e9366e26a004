// The overview: sign-in, then the key figures of the network, the alliance and the day.
import { api, all, el, fill, amount, number, say, problemText, signIn, signOut, start, HARBIN, ApiError, figure, sessionName } from './app.js';

const next = new URLSearchParams(location.search).get('next');

function goOn() {
  // only a page of this service: whatever the parameter says (//host, /\host, a tab), never elsewhere
  let target = '/';
  try {
    const u = new URL(next || '/', location.origin);
    if (u.origin === location.origin) target = u.pathname + u.search + u.hash;
  } catch (e) {
    target = '/';
  }
  location.assign(target);
}

async function trySignIn(bearer) {
  signIn(bearer);
  try {
    await api('/api/v1/auth/me');
    goOn();
  } catch (e) {
    signOut();
    say('sign-in-status', e instanceof ApiError && e.status === 401
      ? 'The service does not accept this token (expired, forged, or signed by another key).' : problemText(e), 'error');
  }
}

function showSignIn() {
  document.getElementById('sign-in').hidden = false;
  const role = document.getElementById('demo-role');
  const bic = document.getElementById('demo-bic');
  role.addEventListener('change', () => { bic.disabled = role.value !== 'member'; bic.required = role.value === 'member'; });
  document.getElementById('token-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    trySignIn(document.getElementById('token-input').value.replace(/^Bearer\s+/i, ''));
  });
  document.getElementById('demo-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams({ role: role.value });
    if (role.value === 'member') q.set('bic', bic.value.trim());
    try {
      const issued = await api('/api/v1/auth/demo-token?' + q, { method: 'POST' });
      await trySignIn(issued.accessToken);
    } catch (e) {
      say('sign-in-status', e instanceof ApiError && e.status === 404
        ? 'This service issues no demo tokens (it runs without the demo profile): paste a token from your identity provider.'
        : problemText(e), 'error');
    }
  });
  document.getElementById('token-input').focus();
}


async function showOverview() {
  document.getElementById('overview').hidden = false;
  const [participants, alliance, day] = await Promise.all([
    all('/api/v1/participants'), api('/api/v1/alliance/summary'), api('/api/v1/settlement/day')]);
  const active = participants.filter((p) => p.status === 'ACTIVE');
  const russian = active.filter((p) => p.settlementAgent === HARBIN && p.country === 'RU' && p.participation === 'INDIRECT');
  fill('figures',
    figure('count-direct', 'Direct participants', active.filter((p) => p.participation === 'DIRECT').length),
    figure('count-indirect', 'Indirect participants', active.filter((p) => p.participation === 'INDIRECT').length),
    figure('count-russian-behind-harbin', 'Russian banks behind Harbin Bank', russian.length, 'harbin'),
    figure('count-alliance-active', 'Active alliance members', alliance.activeMembers),
    figure('business-date', `Business day (${day.state}, ${sessionName(day.session).toLowerCase()})`, day.businessDate),
    figure('queue-size', 'Queued payments (all banks)', el('span', {}, `${number(day.queue.count)} · `, amount(day.queue.value), ' CNY')));
}

const me = await start('overview');
if (me && next) {
  goOn();
} else if (me) {
  showOverview().catch((e) => fill('figures', el('p', { class: 'status error', role: 'alert' }, problemText(e))));
} else {
  showSignIn();
}
