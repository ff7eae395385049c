/**
 * The hub's staff console page (`/staff`): the fleet (each kiosk online or
 * offline, printer, vending, last visitor event, version, outbox lag), the
 * venue's day across kiosks, and every kiosk's alerts (crisis first), with
 * acknowledgement that clears the alert on every kiosk; the venue's queue
 * with "call next" and talked / no-show; the venue's snack count (a delivery
 * added, or the counted total set). One self-contained
 * page: Korean first, English beside, refreshed every 5 seconds.
 *
 * The page reaches a device only once it is enrolled (the pairing page comes
 * first); it then asks for a staff PIN. The session ends two minutes after
 * the last touch or key press (the 5-second refresh does not count), as on a
 * kiosk's console, and the PIN pad comes back. An admin PIN also sees the
 * admin section (`staff-page-admin.ts`).
 */
import { adminScript, adminSection } from './staff-page-admin';

export function staffPage(): string {
  return `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>잇다 허브 · Itda hub</title>
<style>
body{font-family:Pretendard,"Noto Sans CJK KR",sans-serif;margin:1.5rem;color:#1d1d1f;font-size:18px}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.5rem;text-align:left;vertical-align:top}
.on{color:#0a6b2d;font-weight:700}.off{color:#b00020;font-weight:700}.crisis{background:#fde7ea}
button{font-size:1.1rem;min-height:48px;padding:.4rem 1rem}small{color:#555}
#login input{font-size:1.6rem;min-height:56px;width:12rem;letter-spacing:.3em}#login button{min-height:56px}
form.row{display:flex;flex-wrap:wrap;gap:1rem;align-items:end}form.row input,form.row select{font-size:1.2rem;min-height:48px}
.notice{background:#fee2e2;padding:.8rem;border-radius:.5rem}[hidden]{display:none!important}
</style></head><body>
<h1>잇다 허브 <small>Itda hub</small></h1>
<form id="login" data-testid="hub-login" hidden>
<h2>직원 PIN <small>Staff PIN</small></h2>
<p>허브 직원 PIN을 넣어 주세요. <small>Enter your hub staff PIN.</small></p>
<input id="pin" data-testid="hub-pin" type="password" inputmode="numeric" autocomplete="off" maxlength="8" aria-label="PIN" required>
<button type="submit" data-testid="hub-login-submit">들어가기 (Log in)</button>
<p id="login-notice" class="notice" role="alert" data-testid="hub-login-notice" hidden></p>
</form>
<main id="console" hidden>
<p><button id="logout" type="button" data-testid="hub-logout">나가기 (Log out)</button></p>
<p id="status" role="status"></p>
<h2>오늘 이곳 <small>Today at the venue</small></h2><div id="dashboard"></div>
<h2>알림 <small>Alerts</small></h2><div id="alerts"></div>
<h2>상담 대기 <small>Counseling queue</small></h2>
<p><small>모든 키오스크의 대기를 먼저 온 순서로 보여요. "다음 분 부르기"는 어느 키오스크에서 받은 번호든 가장 먼저 온 분을 한 번만 불러요. (Every kiosk's tickets in arrival order; "Call next" calls the earliest, once.)</small></p>
<p id="queue-notice" role="status" data-testid="hub-queue-notice"></p>
<div id="queue" data-testid="hub-queue"></div>
<h2>간식 재고 맞추기 <small>Venue snack count</small></h2>
<form id="snacks-form" data-testid="hub-snacks-form">
<p><small>들어온 간식은 "더하기", 직접 센 전체 수는 "맞추기"로 넣어요. 키오스크마다 나눠 주는 몫은 허브가 알아서 맞춰요. (Add a delivery, or set the whole venue's counted total; the hub shares it out to the kiosks.)</small></p>
<label>장소 (Venue) <select id="snack-venue" data-testid="hub-snack-venue"></select></label>
<label>간식 (Item) <select id="snack-item" data-testid="hub-snack-item"></select></label>
<label>개수 (Units) <input id="snack-n" data-testid="hub-snack-n" type="number" inputmode="numeric" min="0" max="100000" required></label>
<button type="submit" name="mode" value="add" data-testid="hub-snack-add">더하기 (Add delivery)</button>
<button type="submit" name="mode" value="set" data-testid="hub-snack-set">센 수로 맞추기 (Set counted total)</button>
<p id="snack-notice" role="status" data-testid="hub-snack-notice"></p>
</form>
<div id="snacks" data-testid="hub-snacks"></div>
<h2>키오스크 <small>Kiosks</small></h2><div id="fleet" data-testid="hub-fleet"></div>
${adminSection()}
</main>
<script>
const token = () => sessionStorage.getItem('itdaHubSession') || '';
const $ = (id) => document.getElementById(id);
class Refused extends Error { constructor(e) { super(e.message); this.code = e.code; this.details = e.details || []; } }
async function call(path, init) {
  const r = await fetch(path, { ...init, credentials: 'same-origin', headers: { 'content-type': 'application/json', 'x-itda-staff-token': token() } });
  const body = await r.json().catch(() => ({ ok: false, error: { code: 'hub.unavailable', message: String(r.status) } }));
  if (!body.ok) throw new Refused(body.error);
  return body.value;
}
function showLogin(notice) {
  sessionStorage.removeItem('itdaHubSession'); sessionStorage.removeItem('itdaHubRole'); $('admin').hidden = true;
  $('console').hidden = true; $('login').hidden = false;
  $('login-notice').hidden = !notice; $('login-notice').textContent = notice || '';
  $('pin').value = ''; $('pin').focus();
}
function showConsole() { $('login').hidden = true; $('console').hidden = false; refresh(); loadAdmin(); }
const seoul = (iso) => new Date(iso).toLocaleTimeString('ko-KR', { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
function loginNotice(e) {
  if (e.code === 'staff.pin_wrong') return 'PIN이 맞지 않아요. ' + e.details[0] + '번 더 틀리면 잠시 잠겨요. (Wrong PIN.)';
  if (e.code === 'staff.locked') return '여러 번 틀려서 ' + seoul(e.details[0]) + '까지 잠겼어요. (Locked until then, Seoul time.)';
  if (e.code === 'staff.setup_required') return '아직 허브에 PIN이 없어요. 허브 컴퓨터에서 npm run hub -- add-pin --role admin 으로 만들어 주세요. (No PIN yet.)';
  if (e.code === 'hub.forbidden') { location.reload(); return ''; }
  return '들어가지 못했어요. 잠시 후 다시 해 주세요. (' + e.message + ')';
}
async function get(path, init) {
  try { return await call(path, init); }
  catch (e) {
    if (e.code === 'staff.session_expired') { showLogin('시간이 지나 다시 PIN을 넣어 주세요. (Session ended: enter your PIN again.)'); }
    else if (e.code === 'hub.forbidden') location.reload();
    else if (e.code === 'staff.forbidden') throw new Error('이 PIN으로는 볼 수 없어요. (This PIN may not do that.)');
    throw e;
  }
}
$('login').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  try {
    const s = await call('/staff/login', { method: 'POST', body: JSON.stringify({ pin: $('pin').value }) });
    sessionStorage.setItem('itdaHubSession', s.token); sessionStorage.setItem('itdaHubRole', s.role); showConsole();
  } catch (e) { showLogin(loginNotice(e)); }
});
$('logout').addEventListener('click', async () => { await call('/staff/logout', { method: 'POST', body: '{}' }).catch(() => undefined); showLogin(''); });
// A person's input keeps the session (at most every 20 s); the refresh below does not.
let lastTouch = 0;
for (const type of ['pointerdown', 'keydown']) document.addEventListener(type, () => {
  if (!token() || Date.now() - lastTouch < 20000) return;
  lastTouch = Date.now();
  call('/staff/activity', { method: 'POST', body: '{}' }).catch((e) => { if (e.code === 'staff.session_expired') showLogin('시간이 지나 다시 PIN을 넣어 주세요. (Session ended: enter your PIN again.)'); });
}, { capture: true });
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const time = (iso) => iso ? new Date(iso).toLocaleString('ko-KR', { timeZone: 'Asia/Seoul' }) : '—';
function printerText(p) {
  if (!p) return '—';
  return esc(p.state) + (p.paperNearEnd ? ' · 용지 곧 떨어짐 (paper near end)' : '') + (p.faults.length ? ' · ' + esc(p.faults.join(', ')) : '');
}
async function refresh() {
  if (!token()) return;
  try {
    const [f, d, a] = await Promise.all([get('/v1/fleet'), get('/v1/dashboard'), get('/v1/alerts')]);
    document.getElementById('fleet').innerHTML = '<table><tr><th>키오스크</th><th>상태</th><th>프린터</th><th>자판기</th><th>마지막 방문 이벤트</th><th>버전</th><th>보내지 못한 기록</th></tr>' +
      f.kiosks.map((k) => { const h = k.heartbeat || {}; return '<tr data-kiosk="' + esc(k.kioskId) + '"><td>' + esc(k.kioskId) + '<br><small>' + esc(k.venue) + '</small></td>' +
        '<td class="' + (k.online ? 'on' : 'off') + '">' + (k.online ? '연결됨 (online)' : '연결 끊김 (offline)') + '<br><small>' + time(k.lastHeartbeatAt) + '</small></td>' +
        '<td>' + printerText(h.printer) + '</td>' +
        '<td>' + (h.vending ? esc(h.vending.stock) + '개 · 빈 칸 ' + esc(h.vending.emptySlots) + '/' + esc(h.vending.slots) : '—') + '</td>' +
        '<td>' + time(h.lastVisitorEventAt) + '</td><td>' + esc(h.version || '—') + '</td>' +
        '<td>' + (h.outbox ? esc(h.outbox.events) + '건' : '—') + '</td></tr>'; }).join('') + '</table>';
    document.getElementById('dashboard').innerHTML = d.venues.map((v) => '<p><b>' + esc(v.venue) + '</b> · 방문 ' + (v.counts['visitor.session_started'] || 0) +
      ' · 체크인 ' + (v.counts['store.visit_started'] || 0) + ' · 처방 ' + (v.counts['pharmacy.prescribed'] || 0) +
      ' · 상담 대기 ' + v.queue.waiting + ' · 열린 알림 ' + v.openAlerts + ' · 키오스크 ' + v.kiosks.online + '/' + (v.kiosks.online + v.kiosks.offline) + '</p>' +
      '<p><small>간식 재고 (snacks): ' + (Object.entries(v.snacks).map(([id, s]) => esc(id) + ' ' + s.stock + (s.kiosksLow ? ' ⚠' : '')).join(' · ') || '—') + '</small></p>').join('') || '<p>—</p>';
    document.getElementById('alerts').innerHTML = a.alerts.length ? '<table>' + a.alerts.map((x) => '<tr class="' + (x.kind === 'crisis' ? 'crisis' : '') + '"><td>' + esc(x.kind) +
      '</td><td>' + esc(x.kioskId) + '</td><td>' + time(x.at) + '</td><td><button data-k="' + esc(x.kioskId) + '" data-a="' + esc(x.alertId) + '">확인 (Acknowledge)</button></td></tr>').join('') + '</table>' : '<p>열린 알림이 없어요. (No open alerts.)</p>';
    const queues = await Promise.all(d.venues.map((v) => get('/v1/queue?venue=' + encodeURIComponent(v.venue)).then((q) => [v.venue, q.tickets])));
    document.getElementById('queue').innerHTML = queues.map(([venue, tickets]) => {
      const open = tickets.filter((t) => t.state === 'waiting' || t.state === 'called');
      return '<p><b>' + esc(venue) + '</b> <button type="button" data-call="' + esc(venue) + '" data-testid="hub-call-next"' + (open.some((t) => t.state === 'waiting') ? '' : ' disabled') + '>다음 분 부르기 (Call next)</button></p>' +
        (open.length ? '<table>' + open.map((t) => '<tr data-testid="hub-ticket" data-state="' + esc(t.state) + '"><td><b>' + esc(t.label) + (t.source === 'offline' ? '*' : '') + '</b></td><td>' +
          (t.state === 'called' ? '부름 (called) ' + time(t.calledAt) : '기다림 (waiting)') + '</td><td>' + esc(t.kioskId) + '</td><td>' +
          '<button type="button" data-mark="talked" data-venue="' + esc(venue) + '" data-k="' + esc(t.kioskId) + '" data-e="' + esc(t.entryId) + '">상담함 (Talked)</button> ' +
          '<button type="button" data-mark="no_show" data-venue="' + esc(venue) + '" data-k="' + esc(t.kioskId) + '" data-e="' + esc(t.entryId) + '">안 오심 (No-show)</button></td></tr>').join('') + '</table>'
          : '<p>대기 없음 (nobody waiting)</p>');
    }).join('') + '<p><small>* 허브 연결이 끊긴 동안 키오스크가 발급한 번호 (issued by a kiosk while the hub was away)</small></p>';
    const snacks = await Promise.all(d.venues.map((v) => get('/v1/snacks?venue=' + encodeURIComponent(v.venue)).then((x) => [v.venue, x.items])));
    snackItems = Object.fromEntries(snacks);
    fillSelect($('snack-venue'), snacks.map(([venue]) => venue));
    fillSelect($('snack-item'), (snackItems[$('snack-venue').value] || []).map((i) => i.itemId));
    $('snacks').innerHTML = snacks.map(([venue, items]) => '<p><b>' + esc(venue) + '</b> ' + (items.map((i) => esc(i.itemId) + ' <b>' + i.total + '</b>개 (허브 ' + i.pool + ' · 키오스크 몫 ' + i.shares +
      (i.deficit ? ' · 거둘 몫 ' + i.deficit : '') + ')').join(' · ') || '—') + '</p>').join('');
    document.getElementById('status').textContent = '갱신: ' + time(f.now);
  } catch (err) {
    if (err.code === 'staff.session_expired') return;
    document.getElementById('status').textContent = '허브에 연결하지 못했어요. 잠시 후 다시 시도해요. (' + err.message + ')';
  }
}
let snackItems = {};
function fillSelect(el, values) {
  if (Array.from(el.options).map((o) => o.value).join('\\n') === values.join('\\n')) return;
  const keep = el.value;
  el.innerHTML = values.map((v) => '<option>' + esc(v) + '</option>').join('');
  if (values.includes(keep)) el.value = keep;
}
$('snack-venue').addEventListener('change', () => fillSelect($('snack-item'), (snackItems[$('snack-venue').value] || []).map((i) => i.itemId)));
function refusal(e) {
  if (e.code === 'hub.not_found') return '찾을 수 없어요. 목록을 새로 불러와 주세요. (Not found: ' + e.message + ')';
  if (e.code === 'hub.bad_request') return '입력을 확인해 주세요. (' + e.message + ')';
  return e.message;
}
$('queue').addEventListener('click', async (e) => {
  const b = e.target.closest('button'); if (!b) return;
  b.disabled = true;
  try {
    if (b.dataset.call) {
      const r = await get('/v1/queue/call-next', { method: 'POST', body: JSON.stringify({ venue: b.dataset.call }) });
      $('queue-notice').textContent = r.ticket ? r.ticket.label + '번을 불렀어요 (' + r.ticket.kioskId + '에서 받음). (No. ' + r.ticket.label + ' called.)' : '기다리는 분이 없어요. (Nobody is waiting.)';
    } else if (b.dataset.mark) {
      await get('/v1/queue/mark', { method: 'POST', body: JSON.stringify({ venue: b.dataset.venue, kioskId: b.dataset.k, entryId: b.dataset.e, outcome: b.dataset.mark }) });
      $('queue-notice').textContent = '기록했어요. (Recorded.)';
    }
  } catch (err) { $('queue-notice').textContent = refusal(err); }
  refresh();
});
$('snacks-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const mode = ev.submitter && ev.submitter.value === 'set' ? 'set' : 'add';
  const n = Number($('snack-n').value);
  try {
    const r = await get('/v1/snacks/restock', { method: 'POST', body: JSON.stringify({ venue: $('snack-venue').value, itemId: $('snack-item').value, [mode]: n }) });
    $('snack-notice').textContent = r.item.itemId + ': 이제 이곳 전체 ' + r.item.total + '개예요. (Venue total now ' + r.item.total + '.)';
    $('snack-n').value = '';
  } catch (err) { $('snack-notice').textContent = refusal(err); }
  refresh();
});
document.getElementById('alerts').addEventListener('click', async (e) => {
  const b = e.target.closest('button'); if (!b) return;
  await get('/v1/alerts/acknowledge', { method: 'POST', body: JSON.stringify({ kioskId: b.dataset.k, alertId: b.dataset.a }) }).catch(() => undefined);
  refresh();
});
${adminScript()}
if (token()) showConsole(); else showLogin('');
setInterval(refresh, 5000);
</script></body></html>`;
}
