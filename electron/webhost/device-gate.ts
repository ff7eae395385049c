/**
 * What a peer on the venue LAN sees. Until a device is enrolled, one page:
 * "enter the pairing code staff gave you" (Korean first), nothing of the
 * renderer, not even its static files. Entering a valid code sets the device
 * credential as a cookie (Secure, HttpOnly, SameSite=Strict); from then on
 * the device gets the renderer and may open the API (and still needs a staff
 * PIN for anything staff-only).
 *
 * The page is plain HTML with a form: no script, so the strict CSP holds and
 * nothing runs before the device is trusted.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import type { Logger } from '../services/app/logger';
import { parseCookies } from './upgrade-gate';

/** The host's view of enrolled devices (the staff domain's device store implements it). */
export interface DeviceTrust {
  /** Cookie that carries a device's credential. */
  cookieName: string;
  /** The enrolled, unrevoked device holding this credential, or null. */
  find(credential: string): { deviceId: string; name: string } | null;
  /** Redeems a one-time pairing code: the new device and its credential, or null (wrong, used, expired). */
  pair(code: string, peer: string | undefined): { credential: string; deviceId: string; name: string } | null;
  /** Called with a device id when staff revoke it; returns an unsubscribe function. */
  onRevoked(listener: (deviceId: string) => void): () => void;
}

/**
 * What the pairing page needs of a device store. The kiosk's (`StaffDevices`,
 * SQLite) answers at once; the venue hub's (`hub-staff.ts`, PostgreSQL) answers
 * with a promise. The same page and cookie serve both.
 */
export interface DeviceGateTrust {
  cookieName: string;
  find(credential: string): { deviceId: string; name: string } | null | Promise<{ deviceId: string; name: string } | null>;
  pair(code: string, peer: string | undefined): { credential: string; deviceId: string; name: string } | null | Promise<{ credential: string; deviceId: string; name: string } | null>;
}

/** Where the pairing code is made, for the page's one sentence of help. */
export type PairingPlace = 'kiosk' | 'hub';

export const PAIR_PATH = '/pair';
const MAX_FORM_BYTES = 2048;
/** A device credential lives about a year on the tablet; staff revoke it sooner if needed. */
const COOKIE_MAX_AGE_S = 365 * 24 * 3600;

export function deviceCookieHeader(name: string, credential: string): string {
  return `${name}=${credential}; Path=/; Max-Age=${COOKIE_MAX_AGE_S}; HttpOnly; Secure; SameSite=Strict`;
}

export function handleDeviceRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: {
    devices: DeviceGateTrust | null;
    serveStatic: (req: IncomingMessage, res: ServerResponse) => void;
    log: Pick<Logger, 'info' | 'warn'>;
    place?: PairingPlace;
  },
): void {
  void gate(req, res, deps).catch((err: unknown) => {
    deps.log.warn('device check failed', { err: String((err as Error)?.message ?? err) });
    if (!res.headersSent) res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('잠시 후 다시 시도해 주세요. / Please try again in a moment.');
  });
}

async function gate(req: IncomingMessage, res: ServerResponse, deps: Parameters<typeof handleDeviceRequest>[2]): Promise<void> {
  const { devices } = deps;
  const place = deps.place ?? 'kiosk';
  const credential = devices ? parseCookies(req.headers.cookie)[devices.cookieName] : undefined;
  if (devices && credential && (await devices.find(credential))) {
    deps.serveStatic(req, res);
    return;
  }
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method === 'POST' && path === PAIR_PATH) {
    const form = await new Promise<URLSearchParams | null>((resolve) => readForm(req, resolve));
    if (!form) return page(res, 413, 'tooLong', place);
    const code = (form.get('code') ?? '').trim();
    const paired = devices && code ? await devices.pair(code, req.socket.remoteAddress) : null;
    if (!paired) {
      deps.log.warn('pairing refused', { peer: req.socket.remoteAddress });
      return page(res, 403, 'wrong', place);
    }
    deps.log.info('device enrolled', { deviceId: paired.deviceId, peer: req.socket.remoteAddress });
    res.writeHead(303, { location: '/staff', 'set-cookie': deviceCookieHeader(devices!.cookieName, paired.credential), 'cache-control': 'no-store' }).end();
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD, POST' }).end();
    return;
  }
  if (extname(path)) {
    // A renderer file asked for before enrollment: nothing of the app leaves the host.
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('this device is not enrolled');
    return;
  }
  page(res, 200, null, place);
}

function readForm(req: IncomingMessage, done: (form: URLSearchParams | null) => void) {
  let size = 0;
  const chunks: Buffer[] = [];
  let finished = false;
  req.on('data', (d: Buffer) => {
    size += d.length;
    if (size > MAX_FORM_BYTES) {
      if (!finished) {
        finished = true;
        done(null);
      }
      req.destroy();
      return;
    }
    chunks.push(d);
  });
  req.on('end', () => {
    if (finished) return;
    finished = true;
    done(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
  });
  req.on('error', () => {
    if (!finished) {
      finished = true;
      done(null);
    }
  });
}

const NOTICE = {
  wrong: '코드가 맞지 않거나 시간이 지났어요. 직원용 화면에서 새 코드를 만들어 다시 넣어 주세요. / The code is wrong or has expired. Make a new one in the staff console and try again.',
  tooLong: '입력이 너무 길어요. / That input is too long.',
} as const;

const WHERE_CODES_COME_FROM: Record<PairingPlace, { ko: string; en: string }> = {
  kiosk: {
    ko: '키오스크의 직원용 화면(관리자·기술 담당)에서 <b>기기 등록 코드</b>를 만든 뒤 아래에 넣어 주세요.',
    en: "create a pairing code in the kiosk's staff console (admin or technician), then enter it below.",
  },
  hub: {
    ko: '허브 컴퓨터에서 기술 담당이 <code>npm run hub -- pair-device --name 이름</code> 으로 <b>기기 등록 코드</b>를 만든 뒤 아래에 넣어 주세요.',
    en: 'a technician makes a pairing code on the hub machine (<code>npm run hub -- pair-device --name NAME</code>), then enter it below.',
  },
};

function page(res: ServerResponse, status: number, notice: keyof typeof NOTICE | null, place: PairingPlace) {
  const where = WHERE_CODES_COME_FROM[place];
  const html = `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>기기 등록 · Enroll this device</title>
<style>body{font:20px/1.5 sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#222}
input,button{font:inherit;padding:.6rem;border-radius:.5rem;border:2px solid #555}button{background:#1d4ed8;color:#fff;border-color:#1d4ed8}
p.notice{background:#fee2e2;padding:.8rem;border-radius:.5rem}</style></head>
<body><main>
<h1>이 기기를 등록해 주세요</h1>
<p>${where.ko} 코드는 10분 동안 한 번만 쓸 수 있어요.</p>
<p lang="en">Enroll this device: ${where.en} A code works once, for 10 minutes.</p>
${notice ? `<p class="notice" role="alert" data-testid="pair-notice">${NOTICE[notice]}</p>` : ''}
<form method="post" action="${PAIR_PATH}">
<label for="code">등록 코드 · Pairing code</label><br>
<input id="code" name="code" data-testid="pair-code" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="32" required>
<button type="submit" data-testid="pair-submit">등록 · Enroll</button>
</form></main></body></html>`;
  res
    .writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      // No script at all; the form may post only to this host.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    })
    .end(html);
}
