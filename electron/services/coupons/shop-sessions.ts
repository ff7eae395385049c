/**
 * Shop sessions, in memory only, bound like staff sessions to the connection
 * and principal that logged in (the same token from another socket is
 * refused; the session ends when its socket closes). A shop's phone sits on
 * a counter between customers, so the idle limit is longer than a staff
 * console's: 30 minutes without a check or redemption, 12 hours at most.
 */
import { randomBytes } from 'node:crypto';
import type { CallMeta, Principal, ShopCaller } from '../../contract/dispatch';
import { CouponError } from './coupon-errors';

export const SHOP_IDLE_MS = 30 * 60_000;
export const SHOP_MAX_MS = 12 * 60 * 60_000;

interface ShopSession {
  token: string;
  shopId: string;
  transport: CallMeta['transport'];
  connectionId: string | null;
  principal: Principal;
  startedAt: number;
  lastUseAt: number;
}

export class ShopSessions {
  private readonly sessions = new Map<string, ShopSession>();

  constructor(private readonly now: () => number) {}

  open(shopId: string, meta: CallMeta): string {
    const at = this.now();
    const token = randomBytes(24).toString('base64url');
    this.sessions.set(token, {
      token,
      shopId,
      transport: meta.transport,
      connectionId: meta.connectionId ?? null,
      principal: meta.principal ?? { kind: 'local' },
      startedAt: at,
      lastUseAt: at,
    });
    return token;
  }

  /** The door's check: the live session for this caller, kept alive by its use. Every refusal reads "expired". */
  check(token: string, meta: CallMeta): ShopCaller {
    const s = this.sessions.get(token);
    const at = this.now();
    if (!s) throw new CouponError('coupons.session_expired', 'no such shop session');
    if (at - s.lastUseAt >= SHOP_IDLE_MS || at - s.startedAt >= SHOP_MAX_MS) {
      this.sessions.delete(token);
      throw new CouponError('coupons.session_expired', 'the shop session expired');
    }
    const p = meta.principal ?? { kind: 'local' };
    const samePrincipal = p.kind === s.principal.kind && (p.kind !== 'device' || (s.principal.kind === 'device' && p.deviceId === s.principal.deviceId));
    if (s.connectionId !== (meta.connectionId ?? null) || s.transport !== meta.transport || !samePrincipal) {
      throw new CouponError('coupons.session_expired', 'the shop session belongs to another connection');
    }
    s.lastUseAt = at;
    return { shopId: s.shopId, token };
  }

  logout(token: string): void {
    this.sessions.delete(token);
  }

  endConnection(connectionId: string): void {
    for (const s of [...this.sessions.values()]) if (s.connectionId === connectionId) this.sessions.delete(s.token);
  }

  /** A shop's PIN changed or the shop was removed: its phones log in again. */
  endShop(shopId: string): void {
    for (const s of [...this.sessions.values()]) if (s.shopId === shopId) this.sessions.delete(s.token);
  }
}
