/**
 * The Mind Convenience Store check-in: one step at a time, with
 * "지금 많이 힘들어요" on every step and the crisis numbers a tap away.
 */
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/use-t';
import { Pressable } from '../../components/pressable';
import { useStoreFlow } from './store-store';
import { closeCrisis, enterStore, openCrisis } from './store-actions';
import { ConsentView, IdentifyAskView, WelcomeView } from './store-start-views';
import { NicknameView, PhoneView } from './identify-views';
import { SelfCheckResultView, SelfCheckView } from './selfcheck-views';
import { BookingView, SnackView, TalkView } from './choice-views';
import { DoneView, FinishingView } from './done-view';
import { announce } from '../../a11y/announcer';
import './store.css';
import { ChatbotHelp } from '../../components/chatbot-help';

export function StoreScreen() {
  const step = useStoreFlow((s) => s.step);
  const crisisOpen = useStoreFlow((s) => s.crisisOpen);
  useEffect(() => enterStore(), []);
  return (
    <div className="store-flow" data-step={step}>
      <CrisisButton />
      <StepView />
      {crisisOpen && <CrisisPanel />}
    </div>
  );
}

function StepView() {
  const step = useStoreFlow((s) => s.step);
  switch (step) {
    case 'welcome':
      return <WelcomeView />;
    case 'consent':
      return <ConsentView />;
    case 'identifyAsk':
      return <IdentifyAskView />;
    case 'nickname':
      return <NicknameView />;
    case 'phone':
      return <PhoneView />;
    case 'selfcheck':
      return <SelfCheckView />;
    case 'selfcheckResult':
      return <SelfCheckResultView />;
    case 'snack':
      return <SnackView />;
    case 'talk':
      return <TalkView />;
    case 'book':
      return <BookingView />;
    case 'finishing':
      return <FinishingView />;
    case 'done':
      return <DoneView />;
  }
}

function CrisisButton() {
  const t = useT();
  return (
    <Pressable className="store-crisis-button" data-testid="store-crisis" onClick={() => void openCrisis()}>
      {t('store.crisis')}
    </Pressable>
  );
}

function CrisisPanel() {
  const t = useT();
  const state = useStoreFlow((s) => s.crisisState);
  const status =
    state === 'alerted' ? t('store.crisisPanel.alerted') : state === 'failed' ? t('store.crisisPanel.failed') : t('store.crisisPanel.alerting');
  const ref = useRef<HTMLDivElement>(null);
  // The panel reads itself (the numbers first, then how to close it) and holds focus; closing gives focus back to the button.
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[data-testid="store-crisis-close"]')?.focus();
    announce(
      t('store.a11y.crisis', {
        title: t('store.crisisPanel.title'),
        body: t('store.crisisPanel.body'),
        line109: t('store.crisisPanel.line109'),
        line120: t('store.crisisPanel.line120'),
      }),
      'screen',
    );
    return () => document.querySelector<HTMLElement>('[data-testid="store-crisis"]')?.focus();
  }, []);
  // Staff told (or not): queued after the numbers, never over them.
  useEffect(() => {
    if (state === 'alerted' || state === 'failed') announce(status, 'result');
  }, [state, status]);
  return (
    <div ref={ref} className="overlay" role="dialog" aria-modal="true" aria-labelledby="store-crisis-title" data-testid="store-crisis-panel" data-a11y-announced>
      <div className="dialog store-crisis-dialog">
        <h2 id="store-crisis-title">{t('store.crisisPanel.title')}</h2>
        <p className="lead">{t('store.crisisPanel.body')}</p>
        <ul className="store-crisis-lines">
          <li data-testid="store-crisis-109">{t('store.crisisPanel.line109')}</li>
          <li data-testid="store-crisis-120">{t('store.crisisPanel.line120')}</li>
        </ul>
        <ChatbotHelp />
        <p className="notice ok" role="status" data-testid="store-crisis-status" data-state={state}>
          {status}
        </p>
        <Pressable className="secondary" data-testid="store-crisis-close" data-a11y-back onClick={closeCrisis}>
          {t('store.crisisPanel.close')}
        </Pressable>
      </div>
    </div>
  );
}
