/**
 * The 외로움챗봇 on a crisis panel: its QR code (when the venue configured
 * the channel) and name, for a visitor who would rather write than call.
 * The numbers (109, 외로움안녕120) stay first on the panel; this comes after.
 * Kiosk data, loaded once and kept: a crisis panel must not wait for it.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import { api } from '../api/client';
import { useT, useLanguage } from '../i18n/use-t';
import type { ApiOutput } from '../../../electron/contract/api';

type Chatbot = ApiOutput<'connect.chatbot'>;
const useChatbot = create<{ chatbot: Chatbot | null; loading: boolean }>(() => ({ chatbot: null, loading: false }));

export function loadChatbot(): void {
  const s = useChatbot.getState();
  if (s.chatbot || s.loading) return;
  useChatbot.setState({ loading: true });
  void api()
    .call('connect.chatbot', {})
    .then((r) => useChatbot.setState({ chatbot: r.ok ? r.value : null, loading: false }))
    .catch(() => useChatbot.setState({ loading: false }));
}

export function ChatbotHelp() {
  const t = useT();
  const lang = useLanguage();
  const chatbot = useChatbot((s) => s.chatbot);
  useEffect(loadChatbot, []);
  if (!chatbot) return null;
  return (
    <div className="chatbot-help" data-testid="chatbot-help" data-url={chatbot.url ?? ''}>
      {chatbot.qrSvg && <span className="qr" aria-hidden="true" data-testid="chatbot-qr" dangerouslySetInnerHTML={{ __html: chatbot.qrSvg }} />}
      <div>
        <p className="chatbot-name">{chatbot.name[lang]}</p>
        <p>{chatbot.qrSvg ? t('chatbot.hint') : t('chatbot.noQr')}</p>
      </div>
    </div>
  );
}
