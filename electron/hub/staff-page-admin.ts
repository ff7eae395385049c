/**
 * The admin section of the hub's `/staff` page (`hub-admin-routes.ts` behind
 * it): staff PINs (add one typed twice on the page, remove one, never the
 * last admin's), enrolled tablets (revoke), and the city's export tokens with
 * what the city fetched (revoke). Shown only to an admin PIN, loaded when the
 * console opens and after each change (not on the 5-second refresh). Korean
 * first, English beside; names and dates only.
 */
export function adminSection(): string {
  return `<section id="admin" data-testid="hub-admin" hidden>
<h2>관리 <small>Administration (admin PIN)</small></h2>
<p id="admin-notice" class="notice" role="alert" data-testid="hub-admin-notice" hidden></p>
<h3>직원 PIN <small>Staff PINs</small></h3>
<div id="admin-pins" data-testid="hub-admin-pins"></div>
<form id="add-pin" data-testid="hub-add-pin" class="row">
<label>역할 <small>Role</small><br><select id="new-role" data-testid="hub-new-role">
<option value="staff">직원 (staff)</option><option value="technician">기술 담당 (technician)</option><option value="admin">관리자 (admin)</option></select></label>
<label>이름표 <small>Label</small><br><input id="new-label" data-testid="hub-new-label" maxlength="40" required placeholder="안내 데스크"></label>
<label>새 PIN <small>New PIN</small><br><input id="new-pin" data-testid="hub-new-pin" type="password" inputmode="numeric" autocomplete="new-password" maxlength="8" required></label>
<label>한 번 더 <small>Again</small><br><input id="new-pin-again" data-testid="hub-new-pin-again" type="password" inputmode="numeric" autocomplete="new-password" maxlength="8" required></label>
<button type="submit" data-testid="hub-add-pin-submit">PIN 추가 (Add PIN)</button>
</form>
<p><small>직원 PIN은 숫자 4–8자리, 관리자·기술 담당은 6–8자리예요. 1234처럼 이어지는 숫자나 같은 숫자 반복은 쓸 수 없어요. (4–8 digits; 6–8 for admin and technician; no runs or repeats.)</small></p>
<h3>등록된 태블릿 <small>Enrolled tablets</small></h3>
<div id="admin-devices" data-testid="hub-admin-devices"></div>
<form id="pair-device" data-testid="hub-pair-device" class="row">
<label>새 태블릿 이름 <small>New tablet's name</small><br><input id="pair-name" data-testid="hub-pair-name" maxlength="40" required placeholder="상담실 태블릿"></label>
<button type="submit" data-testid="hub-pair-submit">등록 코드 만들기 (Make a pairing code)</button>
</form>
<p id="pair-result" data-testid="hub-pair-result" hidden></p>
<h3>시·센터 내보내기 토큰 <small>City export tokens</small></h3>
<div id="admin-city" data-testid="hub-admin-city"></div>
<h3>시·센터가 가져간 기록 <small>What the city fetched</small></h3>
<div id="admin-city-reads" data-testid="hub-admin-city-reads"></div>
</section>`;
}

/** Runs inside the page's script, after `call`, `esc`, `time` and `$` are defined. */
export function adminScript(): string {
  return `
const ROLE_KO = { staff: '직원 (staff)', technician: '기술 담당 (technician)', admin: '관리자 (admin)' };
function adminNotice(text, ok) {
  const n = $('admin-notice'); n.hidden = !text; n.textContent = text || '';
  n.style.background = ok ? '#dcfce7' : '';
}
function adminRefusal(e) {
  const say = {
    'staff.pin_invalid': 'PIN이 규칙에 맞지 않아요. 직원은 숫자 4–8자리, 관리자·기술 담당은 6–8자리, 이어지는 숫자나 같은 숫자 반복은 안 돼요. (The PIN does not fit the rules.)',
    'staff.pin_taken': '이미 쓰고 있는 PIN이에요. 다른 숫자를 골라 주세요. (That PIN is already in use.)',
    'staff.last_admin': '마지막 관리자 PIN은 지울 수 없어요. 먼저 다른 관리자 PIN을 추가해 주세요. (The last admin PIN cannot be removed: add another admin PIN first.)',
    'staff.pin_not_found': '이미 지워진 PIN이에요. (That PIN is already gone.)',
    'staff.device_not_found': '이미 해제된 태블릿이에요. (That tablet is already revoked.)',
    'hub.not_found': '이미 해제된 토큰이에요. (That token is already revoked.)',
    'staff.forbidden': '관리자 PIN으로만 할 수 있어요. (Only an admin PIN may do this.)',
    'hub.bad_request': '입력한 내용을 확인해 주세요. (Please check what you typed.) ' + e.message,
  }[e.code];
  if (e.code === 'staff.session_expired') { showLogin('시간이 지나 다시 PIN을 넣어 주세요. (Session ended: enter your PIN again.)'); return; }
  if (e.code === 'hub.forbidden') { location.reload(); return; }
  adminNotice(say || '하지 못했어요. 잠시 후 다시 해 주세요. (' + e.message + ')');
}
let thisDevice = '';
function button(kind, id, text) { return '<button type="button" data-admin="' + kind + '" data-id="' + esc(id) + '">' + text + '</button>'; }
async function loadAdmin() {
  const on = sessionStorage.getItem('itdaHubRole') === 'admin';
  $('admin').hidden = !on;
  if (!on) return;
  try {
    const [p, d, c] = await Promise.all([call('/v1/admin/pins'), call('/v1/admin/devices'), call('/v1/admin/city-tokens')]);
    thisDevice = d.thisDevice;
    $('admin-pins').innerHTML = '<table><tr><th>역할 (role)</th><th>이름표 (label)</th><th>만든 때 (added)</th><th></th></tr>' + p.pins.map((x) =>
      '<tr data-pin="' + esc(x.id) + '"><td>' + ROLE_KO[x.role] + '</td><td>' + esc(x.label) + '</td><td>' + time(x.createdAt) + '</td><td>' +
      button('pin', x.id, '지우기 (Remove)') + '</td></tr>').join('') + '</table>';
    $('admin-devices').innerHTML = d.devices.length ? '<table><tr><th>이름 (name)</th><th>등록한 때 (enrolled)</th><th>상태 (state)</th><th></th></tr>' + d.devices.map((x) =>
      '<tr data-device="' + esc(x.id) + '"><td>' + esc(x.name) + (x.id === d.thisDevice ? ' <small>(지금 쓰는 태블릿 · this tablet)</small>' : '') + '</td><td>' + time(x.enrolledAt) + '</td><td>' +
      (x.revokedAt ? '해제됨 (revoked) ' + time(x.revokedAt) : '사용 중 (enrolled)') + '</td><td>' +
      (x.revokedAt ? '' : button('device', x.id, '해제 (Revoke)')) + '</td></tr>').join('') + '</table>' : '<p>—</p>';
    $('admin-city').innerHTML = c.tokens.length ? '<table><tr><th>이름 (name)</th><th>만든 때 (made)</th><th>마지막 사용 (last used)</th><th>상태 (state)</th><th></th></tr>' + c.tokens.map((x) =>
      '<tr data-city="' + esc(x.name) + '"><td>' + esc(x.name) + '</td><td>' + time(x.createdAt) + '</td><td>' + time(x.lastUsedAt) + '</td><td>' +
      (x.revokedAt ? '해제됨 (revoked) ' + time(x.revokedAt) : '사용 중 (live)') + '</td><td>' +
      (x.revokedAt ? '' : button('city', x.name, '해제 (Revoke)')) + '</td></tr>').join('') + '</table>' :
      '<p>아직 없어요. 허브 컴퓨터에서 npm run hub -- city-token --name 이름 으로 만들어요. (None yet: make one with city-token on the hub.)</p>';
    $('admin-city-reads').innerHTML = c.reads.length ? '<table><tr><th>때 (when)</th><th>누가 (who)</th><th>기간 (days)</th><th>줄 (rows)</th></tr>' + c.reads.map((x) =>
      '<tr><td>' + time(x.at) + '</td><td>' + esc(x.name) + '</td><td>' + esc(x.from) + ' – ' + esc(x.to) + (x.route.endsWith('.csv') ? ' (CSV)' : '') + '</td><td>' + x.rows + '</td></tr>').join('') + '</table>' :
      '<p>아직 가져간 기록이 없어요. (The city has fetched nothing yet.)</p>';
  } catch (e) { adminRefusal(e); }
}
$('add-pin').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  if ($('new-pin').value !== $('new-pin-again').value) { adminNotice('두 PIN이 서로 달라요. 다시 넣어 주세요. (The two PINs differ: enter them again.)'); $('new-pin-again').value = ''; return; }
  try {
    await call('/v1/admin/pins', { method: 'POST', body: JSON.stringify({ role: $('new-role').value, label: $('new-label').value, pin: $('new-pin').value }) });
    adminNotice(ROLE_KO[$('new-role').value] + ' PIN을 추가했어요. (PIN added.)', true);
    $('add-pin').reset();
    loadAdmin();
  } catch (e) { adminRefusal(e); }
  $('new-pin').value = ''; $('new-pin-again').value = '';
});
$('pair-device').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  try {
    const r = await call('/v1/admin/devices/pair', { method: 'POST', body: JSON.stringify({ name: $('pair-name').value }) });
    $('pair-result').hidden = false;
    $('pair-result').innerHTML = '새 태블릿에서 이 허브의 /staff 를 열고 이 코드를 넣어 주세요. ' + seoul(r.expiresAt) + '까지, 한 번만 쓸 수 있어요.<br>' +
      '<b style="font-size:2rem;letter-spacing:.15em" data-testid="hub-pair-code">' + esc(r.code) + '</b><br><small>(On the new tablet open /staff on this hub and enter this code: once, within 10 minutes.)</small>';
    $('pair-device').reset();
  } catch (e) { adminRefusal(e); }
});
$('admin').addEventListener('click', async (ev) => {
  const b = ev.target.closest('button[data-admin]'); if (!b) return;
  const what = { pin: ['이 PIN을 지울까요? (Remove this PIN?)', '/v1/admin/pins/remove', { pinId: b.dataset.id }, 'PIN을 지웠어요. (PIN removed.)'],
    device: [(b.dataset.id === thisDevice ? '지금 쓰고 있는 이 태블릿이에요. 해제하면 바로 나가져요. ' : '') + '이 태블릿을 해제할까요? 다시 쓰려면 새로 등록해야 해요. (Revoke this tablet?)', '/v1/admin/devices/revoke', { deviceId: b.dataset.id }, '태블릿을 해제했어요. (Tablet revoked.)'],
    city: ['이 토큰을 해제할까요? 시는 새 토큰 없이는 더 가져갈 수 없어요. (Revoke this token?)', '/v1/admin/city-tokens/revoke', { name: b.dataset.id }, '토큰을 해제했어요. (Token revoked.)'] }[b.dataset.admin];
  if (!confirm(what[0])) return;
  try { await call(what[1], { method: 'POST', body: JSON.stringify(what[2]) }); adminNotice(what[3], true); loadAdmin(); }
  catch (e) { adminRefusal(e); }
});
`;
}
