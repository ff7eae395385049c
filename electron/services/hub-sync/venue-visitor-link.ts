/**
 * This kiosk's side of venue-wide recognition (`store/venue-crypto.ts` for
 * the keys, the hub's `venue-visitors.ts` for what it keeps).
 *
 * `VenueVisitorLink` is what the check-in store is given: keyed hashes from
 * the venue key, and a recall that waits about a second at most (a visitor
 * stands at the screen; a slow or absent hub makes a first visit here, never
 * a wait). `venueVisitorSync` is run by the hub engine: at pairing, on every
 * heartbeat and whenever the store queued something, it fetches the venue key
 * if the kiosk has none yet (kiosks paired before venue keys existed), sends
 * the queue (records sealed now, from the rows as they are), and applies the
 * forgetting asked at other kiosks' desks.
 */
import type { ServiceContext } from '../context';
import type { HubCallError, HubClient } from './hub-client';
import { mergeVenueRecords, VenueCrypto, venueKeyId, type VenueVisitorRecord } from '../store/venue-crypto';
import {
  applyVenueForgotten,
  learnVenueRecord,
  pendingVenueOps,
  resetVenueKeys,
  setVenueForgottenSeen,
  settleVenueOps,
  venueForgottenSeen,
  venueRecordOf,
  type VenueKeys,
  type VenueRecognition,
} from '../store/venue-recognition';
import { readVenueKey, writeVenueKey, type StoredVenueKey } from './venue-key-file';

/** A returning visitor from another kiosk is recognised if the hub answers within this; otherwise it is a first visit here. */
export const RECALL_TIMEOUT_MS = 1_000;
const BATCH = 200;

export interface VenueVisitorLinkOptions {
  client: Pick<HubClient, 'post' | 'get'>;
  dataDir: string;
  hubUrl: string;
  ready(): boolean;
  timeoutMs?: number;
}

export class VenueVisitorLink implements VenueRecognition {
  private crypto: VenueCrypto | null = null;
  private loaded = false;
  private onChanged: () => void = () => undefined;

  constructor(private readonly o: VenueVisitorLinkOptions) {}

  private current(): VenueCrypto | null {
    if (!this.loaded) {
      this.loaded = true;
      try {
        const k = readVenueKey(this.o.dataDir, this.o.hubUrl);
        if (k) this.crypto = new VenueCrypto(Buffer.from(k.key, 'base64'));
      } catch {
        // An unreadable key file is no key: the sync fetches the venue's key again and rewrites it.
        this.crypto = null;
      }
    }
    return this.crypto;
  }

  /** The id of the venue key this kiosk holds, or null. */
  keyId(): string | null {
    return this.current()?.keyId ?? null;
  }

  /** Keeps the key the hub gave (in `keys/venue.key`); refuses one that is not 32 bytes or not the key its id names. */
  setKey(k: { venue: string; keyId: string; key: string }): void {
    const raw = Buffer.from(k.key, 'base64');
    if (raw.length !== 32 || venueKeyId(raw) !== k.keyId) throw new Error('the hub sent a venue key that does not match its id');
    const stored: StoredVenueKey = { hubUrl: this.o.hubUrl, venue: k.venue, keyId: k.keyId, key: k.key };
    writeVenueKey(this.o.dataDir, stored);
    this.crypto = new VenueCrypto(raw);
    this.loaded = true;
  }

  keysFor(nickname: string, phone: string): VenueKeys | null {
    const c = this.current();
    return c ? { lookup: c.lookupKey(nickname, phone), erase: c.eraseKey(phone) } : null;
  }

  eraseKeyFor(phone: string): string | null {
    return this.current()?.eraseKey(phone) ?? null;
  }

  async recall(lookup: string): Promise<VenueVisitorRecord | null> {
    const c = this.current();
    if (!c || !this.o.ready()) return null;
    const r = await within(this.o.client.post<{ record: string | null }>('/v1/venue-visitors/recall', { keyId: c.keyId, lookup }), this.o.timeoutMs ?? RECALL_TIMEOUT_MS);
    if (!r?.record) return null;
    try {
      return c.open(r.record, lookup);
    } catch {
      // A record this key cannot open (tampered, or moved to another look-up key) is no one: a first visit here.
      return null;
    }
  }

  changed(): void {
    this.onChanged();
  }

  /** The engine's sync, told when the store queued something. */
  whenChanged(fn: () => void): void {
    this.onChanged = fn;
  }

  /** Seals a queued record (the engine's sync; the key stays inside this link). */
  seal(record: VenueVisitorRecord, lookup: string): string | null {
    return this.current()?.seal(record, lookup) ?? null;
  }

  /** Opens a record the hub holds; null when this key cannot. */
  open(blob: string, lookup: string): VenueVisitorRecord | null {
    try {
      return this.current()?.open(blob, lookup) ?? null;
    } catch {
      return null;
    }
  }
}

function within<T>(p: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([p.catch(() => null), timeout]).finally(() => clearTimeout(timer));
}

export interface VenueVisitorSync {
  /** Starts a round now, or one more after the running one. */
  kick(): void;
  /** Resolves when a full round that began after this call has ended (tests). */
  flush(): Promise<void>;
  /** Resolves when no round runs (stop). */
  idle(): Promise<void>;
}

export function venueVisitorSync(
  ctx: Pick<ServiceContext, 'db' | 'record' | 'config' | 'logger'>,
  client: Pick<HubClient, 'post' | 'get'> & { readonly paired: boolean },
  link: VenueVisitorLink,
  log: Pick<ServiceContext['logger'], 'warn' | 'info'>,
): VenueVisitorSync {
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;

  const fetchKey = async () => {
    const k = await client.get<{ venue: string; keyId: string; key: string }>('/v1/venue-key');
    const before = link.keyId();
    link.setKey(k);
    if (before && before !== k.keyId) {
      resetVenueKeys(ctx.db);
      log.warn('the venue key changed at the hub; visitors are shared again at their next visit', { keyId: k.keyId });
    }
  };

  const round = async () => {
    if (!client.paired) return;
    if (!link.keyId()) await fetchKey();
    const keyId = link.keyId();
    if (!keyId) return;
    for (let i = 0; i < 50; i++) {
      const ops = pendingVenueOps(ctx.db, BATCH);
      const rows = new Map<string, { lookup: string; eraseKey: string; record: VenueVisitorRecord }>();
      const forgets: string[] = [];
      const expires: string[] = [];
      let upTo = 0;
      for (const op of ops) {
        // A put queued after a forget waits for the next batch: the hub applies puts before forgets.
        if (op.op === 'put' && forgets.length > 0) break;
        upTo = op.id;
        if (op.op === 'forget' && op.eraseKey) forgets.push(op.eraseKey);
        else if (op.op === 'expire' && op.lookup) expires.push(op.lookup);
        else if (op.op === 'put' && op.visitorId) {
          const row = venueRecordOf(ctx.db, op.visitorId);
          if (row) rows.set(row.lookup, row);
        }
      }
      // What the venue already holds is merged in, not overwritten: a visit here while the hub was away
      // looked like a first visit, and must not erase the visitor's first day at another kiosk.
      if (rows.size > 0) {
        const held = await client.post<{ records: { lookup: string; record: string }[] }>('/v1/venue-visitors/recall-many', { keyId, lookups: [...rows.keys()] });
        for (const h of held.records) {
          const mine = rows.get(h.lookup);
          const theirs = mine && link.open(h.record, h.lookup);
          if (!mine || !theirs) continue;
          mine.record = mergeVenueRecords(mine.record, theirs);
          learnVenueRecord(ctx.db, h.lookup, mine.record);
        }
      }
      const puts: { lookup: string; eraseKey: string; record: string }[] = [];
      for (const row of rows.values()) {
        const sealed = link.seal(row.record, row.lookup);
        if (sealed) puts.push({ lookup: row.lookup, eraseKey: row.eraseKey, record: sealed });
      }
      let r: { forgotten: string[]; cursor: number };
      try {
        r = await client.post('/v1/venue-visitors', {
          keyId,
          retentionDays: ctx.config.store.retentionDays,
          puts,
          forgets,
          expires,
          since: venueForgottenSeen(ctx.db),
        });
      } catch (err) {
        if ((err as HubCallError).code === 'hub.venue_key_changed') await fetchKey();
        throw err;
      }
      if (upTo > 0) settleVenueOps(ctx.db, upTo);
      if (r.forgotten.length) {
        const n = applyVenueForgotten(ctx.db, r.forgotten);
        if (n > 0) {
          ctx.record('store.visitor_erased', { reason: 'request', count: n });
          try {
            ctx.db.pragma('wal_checkpoint(TRUNCATE)');
          } catch {
            // the next checkpoint moves the zeroed pages
          }
        }
      }
      setVenueForgottenSeen(ctx.db, r.cursor);
      if (ops.length < BATCH && r.forgotten.length < 1000) break;
    }
  };

  const kick = () => {
    if (running) {
      again = true;
      return;
    }
    running = round()
      .then(() => {
        failures = 0;
      })
      .catch((err) => {
        // One line when the hub stops taking them, then one every 20 rounds: a hub away for days must not fill the log.
        if (++failures === 1 || failures % 20 === 0) log.warn('venue visitor records not sent yet; they wait in the kiosk', { code: (err as HubCallError)?.code ?? String(err), failures });
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          kick();
        }
      });
  };

  return {
    kick,
    async flush() {
      while (running) await running;
      kick();
      while (running) await running;
    },
    async idle() {
      again = false;
      while (running) await running;
    },
  };
}
