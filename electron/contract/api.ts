/**
 * The one typed API contract between the renderer and the services.
 *
 * Each method maps to `{ input, output }` zod schemas. Main (IPC) and the web
 * host (WebSocket) both pass every call through `dispatch()`, which validates
 * the input with these schemas before any service sees it. The renderer
 * imports only the inferred types.
 *
 * Domains keep their part in their own file (`app-api.ts`, ...) and are
 * merged here; `names.ts` lists the same names as plain strings for the preload.
 */
import type { z } from 'zod';
import { appApi } from './app-api';
import { printingApi } from './printing-api';
import { vendingApi } from './vending-api';
import { pharmacyApi } from './pharmacy-api';
import { storeApi } from './store-api';
import { a11yApi } from './a11y-api';
import { staffApi } from './staff-api';
import { devicesApi } from './devices-api';
import { consoleApi } from './console-api';
import { connectApi } from './connect-api';
import { couponsApi } from './coupons-api';
import { contentApi } from './content-api';
import { hubApi } from './hub-api';

export const api = {
  ...appApi,
  ...printingApi,
  ...vendingApi,
  ...pharmacyApi,
  ...storeApi,
  ...a11yApi,
  ...staffApi,
  ...devicesApi,
  ...consoleApi,
  ...connectApi,
  ...couponsApi,
  ...contentApi,
  ...hubApi,
} as const;

export type Api = typeof api;
export type ApiMethod = keyof Api;
export type ApiInput<M extends ApiMethod> = z.input<Api[M]['input']>;
/** The input after validation and defaults: what a handler receives. */
export type ApiParsedInput<M extends ApiMethod> = z.output<Api[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<Api[M]['output']>;

/** What a client (IPC or WebSocket) offers the renderer: one promise-returning call. */
export interface ApiClient {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<import('./errors').Result<ApiOutput<M>>>;
  on<N extends import('./events').PushEventName>(
    name: N,
    listener: (payload: import('./events').PushEventPayload<N>) => void,
  ): () => void;
}
