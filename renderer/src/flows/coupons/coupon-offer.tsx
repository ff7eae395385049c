/**
 * The 동행 가게 coupon after a Mind Pharmacy prescription. Never forced and
 * never in the way: the result screen shows one button ("나눔 쿠폰 보기")
 * only when a shop has room today; the offer itself is its own short panel
 * with the shop, what it gives and until when, and two clear choices, 받기
 * or 괜찮아요. Taking prints the coupon slip; the code is on paper only.
 */
import { useEffect, useState } from 'react';
import type { ApiOutput } from '../../../../electron/contract/api';
import { api } from '../../api/client';
import { useLanguage, useT, useTDynamic } from '../../i18n/use-t';
import { Pressable } from '../../components/pressable';
import { useAnnounceScreen } from '../../a11y/use-announce-screen';
import { usePharmacyVisit } from '../pharmacy/pharmacy-store';
import './coupons.css';

type Offer = NonNullable<ApiOutput<'coupons.offer'>['offer']>;
type Taken = ApiOutput<'coupons.take'>;

/** `2026-12-12` → `12월 12일` / `12 Dec`: a date as a visitor reads it. */
export function readableDay(day: string, lang: 'ko' | 'en'): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** This visit's offer, asked once the prescription is out (null: none today, or taken already). */
export function useCouponOffer(): Offer | null {
  const requestId = usePharmacyVisit((s) => s.requestId);
  const [offer, setOffer] = useState<Offer | null>(null);
  useEffect(() => {
    if (!requestId) return;
    let live = true;
    void api()
      .call('coupons.offer', { requestId })
      .then((r) => {
        if (live && r.ok) setOffer(r.value.offer);
      });
    return () => {
      live = false;
    };
  }, [requestId]);
  return offer;
}

/** The result screen's one button to the offer. */
export function CouponButton(props: { offer: Offer; onOpen: () => void }) {
  const t = useT();
  return (
    <Pressable className="secondary" data-testid="coupon-open" onClick={props.onOpen}>
      {t('coupons.offer.open')}
    </Pressable>
  );
}

/** The offer panel, then what came of it. `onActivity` keeps the screen from timing out under the visitor. */
export function CouponPanel(props: { offer: Offer; onClose: () => void; onActivity: () => void }) {
  const t = useT();
  const td = useTDynamic();
  const lang = useLanguage();
  const requestId = usePharmacyVisit((s) => s.requestId);
  const [state, setState] = useState<{ step: 'offer' | 'taking' | 'done'; taken: Taken | null; errorKey: string | null }>({ step: 'offer', taken: null, errorKey: null });
  const { offer } = props;
  const until = readableDay(state.taken?.expiresOn ?? offer.expiresOn, lang);

  const take = async () => {
    if (!requestId) return;
    props.onActivity();
    setState({ step: 'taking', taken: null, errorKey: null });
    const r = await api().call('coupons.take', { requestId, shopId: offer.shopId, language: lang });
    props.onActivity();
    if (r.ok) setState({ step: 'done', taken: r.value, errorKey: null });
    else setState({ step: 'offer', taken: null, errorKey: r.error.messageKey });
  };

  const printed = state.taken?.print.outcome === 'printed';
  const title = state.step === 'done' ? (printed ? t('coupons.taken.title') : t('coupons.taken.titleLate')) : t('coupons.offer.title');
  const body =
    state.step === 'done'
      ? printed
        ? t('coupons.taken.body', { shop: offer.name[lang] })
        : t('coupons.taken.bodyLate')
      : t('coupons.offer.body', { shop: offer.name[lang], gives: offer.gives[lang] });
  useAnnounceScreen(`pharmacy.coupon.${state.step}`, `${title} ${body} ${t('coupons.offer.until', { day: until })}`);

  return (
    <main className="screen" data-testid="pharmacy-coupon" data-step={state.step} data-print={state.taken?.print.outcome}>
      <h1>{title}</h1>
      <article className="coupon-card" aria-labelledby="coupon-shop">
        <p id="coupon-shop" className="coupon-shop" data-testid="coupon-shop">
          {offer.name[lang]}
        </p>
        <p className="coupon-gives" data-testid="coupon-gives">
          {offer.gives[lang]}
        </p>
        <p data-testid="coupon-until">{t('coupons.offer.until', { day: until })}</p>
      </article>
      <p className={state.step === 'done' && printed ? 'notice ok' : 'notice'} role="status" data-testid="coupon-status">
        {state.errorKey ? td(state.errorKey) : body}
      </p>
      {state.step !== 'done' ? (
        <div className="coupon-choices">
          <Pressable className="primary big" data-testid="coupon-take" disabled={state.step === 'taking' || state.errorKey !== null} onClick={() => void take()}>
            {state.step === 'taking' ? t('coupons.offer.printing') : t('coupons.offer.take')}
          </Pressable>
          <Pressable className="secondary" data-testid="coupon-decline" disabled={state.step === 'taking'} onClick={props.onClose}>
            {t('coupons.offer.decline')}
          </Pressable>
        </div>
      ) : (
        <Pressable className="primary" data-testid="coupon-back" onClick={props.onClose}>
          {t('coupons.taken.back')}
        </Pressable>
      )}
    </main>
  );
}
