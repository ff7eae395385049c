/**
 * One entry point for every call, shared by Electron's main and the web host:
 * unknown name → error; input `safeParse` → typed error; handler; `Result<T>`.
 * A handler's throw never crashes the host: `KioskError`s cross as their wire
 * form, anything else becomes `internal` and is reported to `onFault`.
 */
import { api, type ApiMethod, type ApiOutput, type ApiParsedInput } from './api';
import { CoreErrorCode, KioskError, toWireError, type Result } from './errors';

export type Handlers = { [M in ApiMethod]: (input: ApiParsedInput<M>, meta: CallMeta) => Promise<ApiOutput<M>> | ApiOutput<M> };

/** Who is calling: which transport, and (web host) which connection. */
export interface CallMeta {
  transport: 'ipc' | 'ws' | 'test';
  connectionId?: string;
}

export interface Dispatcher {
  (method: string, raw: unknown, meta?: CallMeta): Promise<Result<unknown>>;
}

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

export function createDispatcher(
  handlers: Handlers,
  onFault: (method: string, err: unknown) => void = () => {},
): Dispatcher {
  return async (method, raw, meta = { transport: 'test' }) => {
    if (!isApiMethod(method)) {
      return { ok: false, error: new KioskError(CoreErrorCode.unknownMethod, `unknown method ${String(method)}`).toWire() };
    }
    const schema = api[method];
    const parsed = schema.input.safeParse(raw ?? {});
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`);
      return {
        ok: false,
        error: new KioskError(CoreErrorCode.invalidInput, `invalid input for ${method}`, { details }).toWire(),
      };
    }
    try {
      const handler = handlers[method] as (input: unknown, meta: CallMeta) => unknown;
      const value = await handler(parsed.data, meta);
      const out = schema.output.safeParse(value);
      if (!out.success) {
        onFault(method, new Error(`output of ${method} broke its schema: ${out.error.message}`));
        return { ok: false, error: new KioskError(CoreErrorCode.invalidOutput, 'invalid output').toWire() };
      }
      return { ok: true, value: out.data };
    } catch (err) {
      if (!(err instanceof KioskError)) onFault(method, err);
      return { ok: false, error: toWireError(err) };
    }
  };
}
