/**
 * One entry point for every call, shared by Electron's main and the web host:
 * unknown name → error; input `safeParse` → typed error; handler; `Result<T>`.
 * A handler's throw never crashes the host: `KioskError`s cross as their wire
 * form, anything else becomes `internal` and is reported to `onFault`.
 */
import { api, type ApiMethod, type ApiOutput, type ApiParsedInput } from './api';
import { CoreErrorCode, KioskError, toWireError, type Result } from './errors';

export type Handlers = { [M in ApiMethod]: (input: ApiParsedInput<M>, meta: CallMeta) => Promise<ApiOutput<M>> | ApiOutput<M> };

/**
 * Who is calling, as the host that received the call proved it:
 * - `screen`: the kiosk's own screen (Electron's window after the sender check,
 *   or the web host's page holding the per-start screen cookie and the host's Origin);
 * - `device`: an enrolled staff device on the venue LAN (its credential cookie checked);
 * - `anonymous`: a connection that proved nothing (only pairing is open to it);
 * - `local`: code running in this process (CLIs, tests, the services themselves).
 */
export type Principal =
  | { kind: 'screen' }
  | { kind: 'device'; deviceId: string; name: string }
  | { kind: 'anonymous' }
  | { kind: 'local' };

/** Who is calling: which transport, which principal, and (web host) which connection and peer. */
export interface CallMeta {
  transport: 'ipc' | 'ws' | 'test' | 'cli';
  /** The connection a staff session is bound to; `services.endConnection(id)` when it closes. */
  connectionId?: string;
  /** Absent means `local` (in-process callers: CLIs, tests). */
  principal?: Principal;
  /** The remote address, for the record of staff actions. */
  peer?: string;
}

/** The principal of a call, `local` when the host named none. */
export function principalOf(meta: CallMeta): Principal {
  return meta.principal ?? { kind: 'local' };
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
