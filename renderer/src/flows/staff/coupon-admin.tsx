/**
 * 동행 가게 in the console: coupons issued and redeemed per shop per week,
 * each shop's day (given today of its budget) with pause / resume for any
 * staff member, and for admins the shop's details, its PIN and retiring it.
 * A PIN is typed once here and handed to the shop; it is never shown again.
 */
import { useState } from 'react';
import type { ApiOutput } from '../../../../electron/contract/api';
import { Pressable } from '../../components/pressable';
import { useLanguage, useT } from '../../i18n/use-t';
import { staffCall } from './staff-actions';
import { useStaffStore } from './staff-store';
import { useStaffData } from './use-live-data';
import { DISTRICT_IDS, placeName, type DistrictId } from '../../../../electron/contract/connect-lists';
import './referrals.css';

type Shop = ApiOutput<'coupons.staffShops'>['shops'][number];
type ShopForm = { nameKo: string; nameEn: string; address: string; district: string; givesKo: string; givesEn: string; dailyBudget: string; validityDays: string };

const blank: ShopForm = { nameKo: '', nameEn: '', address: '', district: 'jung', givesKo: '', givesEn: '', dailyBudget: '5', validityDays: '7' };
const formOf = (s: Shop): ShopForm => ({ ...s, dailyBudget: String(s.dailyBudget), validityDays: String(s.validityDays) });

export function CouponAdmin() {
  const t = useT();
  const lang = useLanguage();
  const role = useStaffStore((s) => s.role);
  const admin = role === 'admin';
  const [version, setVersion] = useState(0);
  const shops = useStaffData(() => staffCall('coupons.staffShops', {}), [], [version]);
  const weekly = useStaffData(() => staffCall('coupons.staffWeekly', { weeks: 8 }), [], [version]);
  const [editing, setEditing] = useState<{ shopId: string | null; form: ShopForm } | null>(null);
  const [pinFor, setPinFor] = useState<{ shopId: string; pin: string } | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const reload = () => setVersion((v) => v + 1);
  if (!shops || !weekly) return null;

  const save = async () => {
    if (!editing) return;
    const f = editing.form;
    const r = await staffCall('coupons.staffSaveShop', {
      ...(editing.shopId ? { shopId: editing.shopId } : {}),
      shop: { ...f, district: f.district as DistrictId, dailyBudget: Number(f.dailyBudget), validityDays: Number(f.validityDays) },
    });
    if (r) {
      setEditing(null);
      setSaved(t('staff.coupons.saved', { name: r.shop.nameKo }));
      reload();
    }
  };
  const setPin = async () => {
    if (!pinFor) return;
    if (await staffCall('coupons.staffSetShopPin', { shopId: pinFor.shopId, pin: pinFor.pin })) {
      setPinFor(null);
      setSaved(t('staff.coupons.pinSet'));
      reload();
    }
  };
  const pause = async (s: Shop) => {
    if (await staffCall('coupons.staffPauseShop', { shopId: s.shopId, paused: !s.paused })) reload();
  };
  const remove = async (shopId: string) => {
    if (await staffCall('coupons.staffRemoveShop', { shopId })) {
      setRemoving(null);
      reload();
    }
  };
  const field = (key: keyof ShopForm, label: string, opts: { type?: string; max?: number } = {}) => (
    <label className="staff-field" key={key}>
      {label}
      <input
        data-testid={`shop-${key}`}
        type={opts.type ?? 'text'}
        maxLength={opts.max ?? 120}
        value={editing!.form[key]}
        onChange={(e) => setEditing({ ...editing!, form: { ...editing!.form, [key]: e.target.value } })}
      />
    </label>
  );

  return (
    <div className="staff-columns" data-testid="coupon-admin">
      <section aria-labelledby="shops-title">
        <h2 id="shops-title">{t('staff.coupons.shops')}</h2>
        {saved && (
          <p role="status" data-testid="coupon-admin-saved">
            {saved}
          </p>
        )}
        {shops.shops.length === 0 ? (
          <p data-testid="shops-none">{t('staff.coupons.none')}</p>
        ) : (
          <table className="staff-table" data-testid="shop-table">
            <thead>
              <tr>
                <th scope="col">{t('staff.coupons.shop')}</th>
                <th scope="col">{t('staff.coupons.gives')}</th>
                <th scope="col">{t('staff.coupons.today')}</th>
                <th scope="col">{t('staff.coupons.state')}</th>
              </tr>
            </thead>
            <tbody>
              {shops.shops.map((s) => (
                <tr key={s.shopId} data-testid="shop-row" data-name={s.nameKo} data-paused={s.paused ? 'true' : 'false'}>
                  <td>
                    <strong>{lang === 'ko' ? s.nameKo : s.nameEn}</strong>
                    <br />
                    {placeName(s.district)[lang]} · <span data-raw>{s.address}</span>
                  </td>
                  <td>{lang === 'ko' ? s.givesKo : s.givesEn}</td>
                  <td>{t('staff.coupons.ofBudget', { n: s.issuedToday, budget: s.dailyBudget })}</td>
                  <td>
                    <Pressable className={s.paused ? 'staff-button primary' : 'staff-button'} data-testid="shop-pause" aria-pressed={s.paused} onClick={() => void pause(s)}>
                      {s.paused ? t('staff.coupons.resume') : t('staff.coupons.pause')}
                    </Pressable>
                    {admin && (
                      <>
                        <Pressable className="staff-button" data-testid="shop-edit" onClick={() => setEditing({ shopId: s.shopId, form: formOf(s) })}>
                          {t('staff.coupons.edit')}
                        </Pressable>
                        <Pressable className="staff-button" data-testid="shop-pin" onClick={() => setPinFor({ shopId: s.shopId, pin: '' })}>
                          {s.hasPin ? t('staff.coupons.changePin') : t('staff.coupons.setPin')}
                        </Pressable>
                        {removing === s.shopId ? (
                          <span role="alertdialog" className="staff-confirm" aria-label={t('staff.coupons.confirmRemove', { name: s.nameKo })}>
                            {t('staff.coupons.confirmRemove', { name: s.nameKo })}
                            <Pressable className="staff-button danger" data-testid="shop-remove-yes" onClick={() => void remove(s.shopId)}>
                              {t('staff.coupons.yesRemove')}
                            </Pressable>
                            <Pressable className="staff-button" onClick={() => setRemoving(null)}>
                              {t('staff.pins.keep')}
                            </Pressable>
                          </span>
                        ) : (
                          <Pressable className="staff-button" data-testid="shop-remove" onClick={() => setRemoving(s.shopId)}>
                            {t('staff.coupons.remove')}
                          </Pressable>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {admin && !editing && (
          <Pressable className="staff-button primary" data-testid="shop-add" onClick={() => setEditing({ shopId: null, form: blank })}>
            {t('staff.coupons.add')}
          </Pressable>
        )}
        {editing && (
          <form
            className="staff-panel"
            data-testid="shop-form"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            {field('nameKo', t('staff.coupons.f.nameKo'), { max: 40 })}
            {field('nameEn', t('staff.coupons.f.nameEn'), { max: 60 })}
            {field('address', t('staff.coupons.f.address'))}
            <label className="staff-field">
              {t('staff.coupons.f.district')}
              <select data-testid="shop-district" value={editing.form.district} onChange={(e) => setEditing({ ...editing, form: { ...editing.form, district: e.target.value } })}>
                {DISTRICT_IDS.map((d) => (
                  <option key={d} value={d}>
                    {placeName(d)[lang]}
                  </option>
                ))}
              </select>
            </label>
            {field('givesKo', t('staff.coupons.f.givesKo'), { max: 60 })}
            {field('givesEn', t('staff.coupons.f.givesEn'), { max: 80 })}
            {field('dailyBudget', t('staff.coupons.f.dailyBudget'), { type: 'number' })}
            {field('validityDays', t('staff.coupons.f.validityDays'), { type: 'number' })}
            <Pressable className="staff-button primary" type="submit" data-testid="shop-save">
              {t('staff.coupons.save')}
            </Pressable>
            <Pressable className="staff-button" onClick={() => setEditing(null)}>
              {t('staff.coupons.cancel')}
            </Pressable>
          </form>
        )}
        {pinFor && (
          <form
            className="staff-panel"
            data-testid="shop-pin-form"
            onSubmit={(e) => {
              e.preventDefault();
              void setPin();
            }}
          >
            <p>{t('staff.coupons.pinHow')}</p>
            <label className="staff-field">
              {t('staff.coupons.pinLabel')}
              <input data-testid="shop-pin-input" type="password" inputMode="numeric" maxLength={8} value={pinFor.pin} onChange={(e) => setPinFor({ ...pinFor, pin: e.target.value.replace(/\D/g, '') })} />
            </label>
            <Pressable className="staff-button primary" type="submit" data-testid="shop-pin-save" disabled={pinFor.pin.length < 6}>
              {t('staff.coupons.save')}
            </Pressable>
            <Pressable className="staff-button" onClick={() => setPinFor(null)}>
              {t('staff.coupons.cancel')}
            </Pressable>
          </form>
        )}
      </section>
      <section aria-labelledby="weekly-title">
        <h2 id="weekly-title">{t('staff.coupons.weekly')}</h2>
        {weekly.rows.length === 0 ? (
          <p data-testid="weekly-none">{t('staff.coupons.weeklyNone')}</p>
        ) : (
          <table className="staff-table" data-testid="coupon-weekly">
            <thead>
              <tr>
                <th scope="col">{t('staff.coupons.week')}</th>
                <th scope="col">{t('staff.coupons.shop')}</th>
                <th scope="col">{t('staff.coupons.issued')}</th>
                <th scope="col">{t('staff.coupons.redeemed')}</th>
              </tr>
            </thead>
            <tbody>
              {weekly.rows.map((r) => (
                <tr key={`${r.week}-${r.shopId}`} data-testid="weekly-row">
                  <td>{t('staff.coupons.weekOf', { day: r.week })}</td>
                  <td>{r.name[lang]}</td>
                  <td>{r.issued}</td>
                  <td>{r.redeemed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>{t('staff.coupons.howRedeem')}</p>
      </section>
    </div>
  );
}
