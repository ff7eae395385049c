/** The contract over Electron IPC: the preload's `window.itda` bridge, typed. */
import type { ApiClient, ApiInput, ApiMethod, ApiOutput } from '../../../electron/contract/api';
import type { Result } from '../../../electron/contract/errors';
import type { PushEventName, PushEventPayload } from '../../../electron/contract/events';

export interface Bridge {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  on(name: string, listener: (payload: unknown) => void): () => void;
}

export function createIpcClient(bridge: Bridge): ApiClient {
  return {
    call<M extends ApiMethod>(method: M, input: ApiInput<M>) {
      return bridge.call(method, input) as Promise<Result<ApiOutput<M>>>;
    },
    on<N extends PushEventName>(name: N, listener: (payload: PushEventPayload<N>) => void) {
      return bridge.on(name, listener as (p: unknown) => void);
    },
  };
}
