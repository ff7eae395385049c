/**
 * The renderer's one API client: Electron IPC when the preload bridge is
 * there, else the web host's WebSocket. Components never talk to it
 * directly; store actions do.
 */
import type { ApiClient } from '../../../electron/contract/api';
import { createIpcClient, type Bridge } from './ipc-client';
import { createWsClient } from './ws-client';
import { useConnectionStore } from '../stores/connection-store';

let client: ApiClient | null = null;

export function api(): ApiClient {
  if (client) return client;
  const bridge = (window as unknown as { itda?: Bridge }).itda;
  if (bridge) {
    client = createIpcClient(bridge);
  } else {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    client = createWsClient({
      url: `${proto}//${location.host}/api`,
      onConnectionChange: (connected) => useConnectionStore.setState({ connected }),
    });
  }
  return client;
}

/** For tests: use an in-process client. */
export function setApiClient(c: ApiClient | null) {
  client = c;
}
