/** The dashboard's 동행 가게 figures: coupons given and used over the chosen range, in all and per shop (counts only). */
import { useLanguage, useT } from '../../i18n/use-t';
import { staffCall } from './staff-actions';
import { useStaffData } from './use-live-data';

const DAYS = { today: 1, week: 7, month: 30 } as const;

export function CouponCounts({ range }: { range: 'today' | 'week' | 'month' }) {
  const t = useT();
  const lang = useLanguage();
  const d = useStaffData(
    async () => {
      const [dash, shops] = await Promise.all([staffCall('staff.dashboard', { days: DAYS[range] }), staffCall('coupons.staffShops', {})]);
      return dash && shops ? { counts: dash.couponsByShop, shops: shops.shops } : null;
    },
    ['today'],
    [range],
  );
  if (!d) return null;
  const name = (id: string) => {
    const s = d.shops.find((x) => x.shopId === id);
    return s ? (lang === 'ko' ? s.nameKo : s.nameEn) : t('staff.coupons.removedShop');
  };
  const issued = d.counts.reduce((n, c) => n + c.issued, 0);
  const redeemed = d.counts.reduce((n, c) => n + c.redeemed, 0);
  return (
    <section aria-labelledby="stats-coupons" data-testid="coupon-counts">
      <h3 id="stats-coupons">{t('staff.coupons.counts')}</h3>
      <dl className="figures">
        <div className="figure">
          <dt>{t('staff.coupons.issued')}</dt>
          <dd>
            <span className="figure-value" data-testid="coupon-counts-issued">{issued}</span>
          </dd>
        </div>
        <div className="figure">
          <dt>{t('staff.coupons.redeemed')}</dt>
          <dd>
            <span className="figure-value" data-testid="coupon-counts-redeemed">{redeemed}</span>
          </dd>
        </div>
      </dl>
      <ul className="staff-list">
        {d.counts.map((c) => (
          <li key={c.shopId}>{t('staff.coupons.countLine', { shop: name(c.shopId), issued: c.issued, redeemed: c.redeemed })}</li>
        ))}
      </ul>
    </section>
  );
}
