/**
 * The redemption page a 동행 가게's phone opens (`/redeem` on the kiosk's web
 * host, over the venue LAN, once the phone is enrolled as a device). The shop
 * logs in with its shop PIN, then checks a code (typed, or filled in by the
 * slip's QR: the phone's camera app opens `/redeem#CODE`) and redeems it.
 * The code after `#` never reaches a server; it is cleared from the address
 * bar once checked. The page shows only this shop's coupons.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { ApiOutput } from '../../../../electron/contract/api';
import { api } from '../../api/client';
import { useLanguage, useT, useTDynamic } from '../../i18n/use-t';
import { toggleLanguage } from '../../stores/session-actions';
import { readableDay } from './coupon-offer';
import './coupons.css';

type Status = ApiOutput<'coupons.shopCheck'>;
type Shop = ApiOutput<'coupons.shopLogin'>['shop'];

/** The code a QR put after `#` (kept there until it has been checked, so a reload before logging in keeps it too). */
function codeFromAddress(): string {
  if (typeof location === 'undefined' || !location.hash) return '';
  try {
    return decodeURIComponent(location.hash.slice(1)).slice(0, 40);
  } catch {
    return '';
  }
}

/** Once checked, the code leaves the address bar and this history entry. */
function forgetAddressCode(): void {
  if (typeof location !== 'undefined' && location.hash) history.replaceState(null, '', location.pathname);
}

function seoulTime(iso: string, lang: 'ko' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function RedeemPage() {
  const t = useT();
  const td = useTDynamic();
  const lang = useLanguage();
  const [code, setCode] = useState(codeFromAddress);
  const [shops, setShops] = useState<{ shopId: string; name: { ko: string; en: string } }[]>([]);
  const [shopId, setShopId] = useState('');
  const [pin, setPin] = useState('');
  const [session, setSession] = useState<{ token: string; shop: Shop } | null>(null);
  const [verdict, setVerdict] = useState<Status | null>(null);
  const [today, setToday] = useState<number | null>(null);
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api()
      .call('coupons.shops', {})
      .then((r) => {
        if (!r.ok) return setErrorKey(r.error.messageKey);
        setShops(r.value.shops);
        if (r.value.shops.length === 1) setShopId(r.value.shops[0]!.shopId);
      });
  }, []);

  const refreshToday = async (token: string) => {
    const r = await api().call('coupons.shopRecent', { shopToken: token });
    if (r.ok) setToday(r.value.today);
  };

  /** A call with the shop session; an expired one sends the phone back to the PIN. */
  const withSession = async <T,>(run: (token: string) => Promise<{ ok: true; value: T } | { ok: false; error: { code: string; messageKey: string } }>): Promise<T | null> => {
    if (!session) return null;
    setBusy(true);
    setErrorKey(null);
    const r = await run(session.token);
    setBusy(false);
    if (r.ok) return r.value;
    if (r.error.code === 'coupons.session_expired') setSession(null);
    setErrorKey(r.error.messageKey);
    return null;
  };

  const login = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrorKey(null);
    const r = await api().call('coupons.shopLogin', { shopId, pin });
    setBusy(false);
    setPin('');
    if (!r.ok) return setErrorKey(r.error.messageKey);
    setSession({ token: r.value.shopToken, shop: r.value.shop });
    void refreshToday(r.value.shopToken);
  };

  const check = async (e?: FormEvent) => {
    e?.preventDefault();
    setVerdict(null);
    const v = await withSession((token) => api().call('coupons.shopCheck', { shopToken: token, code }));
    if (v) {
      setVerdict(v);
      forgetAddressCode();
    }
  };

  const redeem = async () => {
    const v = await withSession((token) => api().call('coupons.shopRedeem', { shopToken: token, code }));
    if (!v) return;
    setVerdict(v);
    if (session) void refreshToday(session.token);
  };

  const next = () => {
    setCode('');
    setVerdict(null);
    setErrorKey(null);
  };

  const logout = async () => {
    if (session) await api().call('coupons.shopLogout', { shopToken: session.token });
    setSession(null);
    next();
  };

  const verdictText = (v: Status): string => {
    const gives = v.gives?.[lang] ?? '';
    switch (v.status) {
      case 'valid':
        return t('redeem.status.valid', { gives, day: v.expiresOn ? readableDay(v.expiresOn, lang) : '' });
      case 'redeemed':
        return t('redeem.status.redeemed', { gives });
      case 'used':
        return t('redeem.status.used', { when: v.usedAt ? seoulTime(v.usedAt, lang) : '', shop: session?.shop.name[lang] ?? '' });
      case 'expired':
        return t('redeem.status.expired', { day: v.expiresOn ? readableDay(v.expiresOn, lang) : '' });
      default:
        return td(`redeem.status.${v.status}`);
    }
  };

  return (
    <main className="redeem" data-testid="redeem-page" lang={lang}>
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <h1>{t('redeem.title')}</h1>
        <button type="button" data-testid="redeem-lang" onClick={toggleLanguage}>
          {t('shell.langToggle')}
        </button>
      </div>
      {!session ? (
        <form onSubmit={(e) => void login(e)} data-testid="redeem-login">
          <p>{t('redeem.login.lead')}</p>
          <label>
            {t('redeem.login.shop')}
            <select data-testid="redeem-shop" value={shopId} onChange={(e) => setShopId(e.target.value)} required>
              <option value="">{t('redeem.login.pick')}</option>
              {shops.map((s) => (
                <option key={s.shopId} value={s.shopId}>
                  {s.name[lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('redeem.login.pin')}
            <input data-testid="redeem-pin" type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} required />
          </label>
          <button className="go" type="submit" data-testid="redeem-login-submit" disabled={busy || !shopId || pin.length < 6}>
            {t('redeem.login.submit')}
          </button>
          {code && <p className="fine">{t('redeem.login.codeKept')}</p>}
        </form>
      ) : (
        <>
          <p data-testid="redeem-shop-name">
            <strong>{session.shop.name[lang]}</strong> · {t('redeem.today', { n: today ?? 0 })}
          </p>
          <form onSubmit={(e) => void check(e)}>
            <label>
              {t('redeem.code')}
              <input
                className="code"
                data-testid="redeem-code"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={40}
                placeholder="ABCDE-FGHJK-LMNPQ"
                value={code}
                onChange={(e) => {
                  setCode(e.target.value);
                  setVerdict(null);
                }}
              />
            </label>
            <p className="fine">{t('redeem.codeHint')}</p>
            <div className="row">
              <button type="submit" data-testid="redeem-check" disabled={busy || code.trim().length < 10}>
                {t('redeem.check')}
              </button>
              {verdict?.status === 'valid' && (
                <button type="button" className="go" data-testid="redeem-submit" disabled={busy} onClick={() => void redeem()}>
                  {t('redeem.redeem', { gives: verdict.gives?.[lang] ?? '' })}
                </button>
              )}
            </div>
          </form>
          {verdict && (
            <p className="verdict" role="status" data-testid="redeem-verdict" data-status={verdict.status}>
              {verdictText(verdict)}
            </p>
          )}
          <div className="row">
            {verdict && (
              <button type="button" data-testid="redeem-next" onClick={next}>
                {t('redeem.next')}
              </button>
            )}
            <button type="button" data-testid="redeem-logout" onClick={() => void logout()}>
              {t('redeem.logout')}
            </button>
          </div>
        </>
      )}
      {errorKey && (
        <p className="verdict" role="alert" data-testid="redeem-error">
          {td(errorKey)}
        </p>
      )}
    </main>
  );
}
