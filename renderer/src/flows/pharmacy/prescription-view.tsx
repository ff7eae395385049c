/**
 * The prescription on screen, always: with the slip and the gift when they
 * came out, and an honest, kind word (and a QR code of the text) when they
 * did not. Returns to the attract screen by itself after 20 seconds.
 */
import { useEffect, useState } from 'react';
import { useT, useLanguage } from '../../i18n/use-t';
import { Pressable } from '../../components/pressable';
import { usePharmacyVisit } from './pharmacy-store';
import { goHome, resetVisitorSession } from '../../stores/session-actions';
import { SvgIcon } from './svg-icon';
import { useAnnounceScreen } from '../../a11y/use-announce-screen';
import { moreTimeFactor } from '../../a11y/a11y-store';
import { ProgramCardView } from './program-card';
import { useProgramVisit } from './program-actions';
import { CouponButton, CouponPanel, useCouponOffer } from '../coupons/coupon-offer';

export const RESULT_RETURN_SECONDS = 20;

export function PrescriptionView() {
  const t = useT();
  const lang = useLanguage();
  const result = usePharmacyVisit((s) => s.result);
  // A tap on the 연결처방 (one more programme, ask staff) starts the wait again.
  const touched = useProgramVisit((s) => s.touched);
  // The 동행 가게 coupon: a button here when a shop has room, its own short panel when tapped.
  const offer = useCouponOffer();
  const [couponOpen, setCouponOpen] = useState(false);
  const [activity, setActivity] = useState(0);
  useEffect(() => {
    // "More time" doubles this wait too: a prescription read aloud takes longer than one read by eye.
    // A tap on the coupon starts it again: nobody is sent home while choosing or waiting for the slip.
    const timer = setTimeout(() => resetVisitorSession('done'), RESULT_RETURN_SECONDS * 1000 * moreTimeFactor());
    return () => clearTimeout(timer);
  }, [touched, activity, couponOpen]);
  const printed = result?.print.outcome === 'printed';
  const gift = result?.gift.outcome === 'delivered';
  const printText = printed ? t('pharmacy.result.slipReady') : t('pharmacy.result.slipProblem');
  const giftText = gift
    ? result?.gift.item
      ? t('pharmacy.result.giftReadyItem', { item: result.gift.item[lang] })
      : t('pharmacy.result.giftReady')
    : t('pharmacy.result.giftProblem');
  // The prescription itself is read too: the visitor who cannot see the slip hears what it says.
  useAnnounceScreen(
    'pharmacy.result',
    result
      ? t('a11y.screen.pharmacyResult', {
          title: t('pharmacy.result.title'),
          symptom: result.symptom.name[lang],
          quote: result.prescription.quote[lang],
          source: result.prescription.source ? `(${result.prescription.source[lang]})` : '',
          dosage: result.prescription.dosage[lang],
          print: printText,
          gift: giftText,
        })
      : null,
  );
  if (!result) return null;
  if (couponOpen && offer) return <CouponPanel offer={offer} onClose={() => setCouponOpen(false)} onActivity={() => setActivity((n) => n + 1)} />;
  return (
    <main className="screen" data-testid="pharmacy-result" data-print={result.print.outcome} data-gift={result.gift.outcome}>
      <h1>{t('pharmacy.result.title')}</h1>
      <article className="rx-card" aria-labelledby="rx-quote">
        <div className="rx-head">
          <span>℞ {t('pharmacy.title')}</span>
          <span data-testid="rx-number">{result.rxNumber}</span>
        </div>
        <div className="rx-symptom">
          {t('pharmacy.result.symptom')}: {result.symptom.name[lang]}
        </div>
        <p id="rx-quote" className="rx-quote" data-testid="rx-quote">
          {result.prescription.quote[lang]}
        </p>
        {result.prescription.source && <p className="rx-source">— {result.prescription.source[lang]}</p>}
        <p className="rx-dosage" data-testid="rx-dosage">
          <strong>{t('pharmacy.result.dosage')}</strong> {result.prescription.dosage[lang]}
        </p>
      </article>

      <div className={printed ? 'notice ok' : 'notice'} role="status" data-testid="print-status">
        {printText}
      </div>
      {!printed && (
        <div className="qr-box" data-testid="rx-qr">
          <SvgIcon svg={result.qrSvg} className="qr" />
          <span>{t('pharmacy.result.qrHint')}</span>
        </div>
      )}
      <div className={gift ? 'notice ok' : 'notice'} role="status" data-testid="gift-status">
        {giftText}
      </div>
      <ProgramCardView />
      {offer && <CouponButton offer={offer} onOpen={() => setCouponOpen(true)} />}
      <Pressable className="primary" data-testid="pharmacy-done" onClick={goHome}>
        {t('pharmacy.result.done')}
      </Pressable>
    </main>
  );
}
