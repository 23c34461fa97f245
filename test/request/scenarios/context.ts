// Shared set-up for the wrapper's scenarios. Each scenario file registers its tests against a `Lib`: the
// sources (test/request/*.test.ts) or the package as a consumer gets it after 构建 npm (test/consumer).
import { delay, json, startServer, type TestServer } from '../../helpers/http-server';
import { createWxShim, type WxShim } from '../../helpers/wx-shim';

/** The core entry and the opt-in modules (wxerr and every wxerr/… module) as one object. */
export type Lib = typeof import('../../../request') &
  typeof import('../../../request/pay') &
  typeof import('../../../request/wecom') &
  typeof import('../../../request/log') &
  typeof import('../../../request/dedupe') &
  typeof import('../../../request/session') &
  typeof import('../../../request/network') &
  typeof import('../../../request/abort') &
  typeof import('../../../request/transfer') &
  typeof import('../../../request/messages') &
  typeof import('../../../request/retry-after') &
  typeof import('../../../request/codes');
export type Client = ReturnType<Lib['createClient']>;
export type ClientOptions = NonNullable<Parameters<Lib['createClient']>[0]>;
export type WxerrError = InstanceType<Lib['WxerrError']>;

/** The files of the package's entries: the core client and its opt-in modules. */
export const MODULES = [
  'index',
  'pay',
  'wecom',
  'log',
  'dedupe',
  'session',
  'network',
  'abort',
  'transfer',
  'messages',
  'retry-after',
  'codes',
] as const;

/** The entries merged into one Lib; `load` requires one of them (from the sources or from miniprogram_npm). */
export function loadLib(load: (name: (typeof MODULES)[number]) => object): Lib {
  return Object.assign({}, ...MODULES.map(load)) as Lib;
}

export interface Ctx {
  readonly lib: Lib;
  readonly server: TestServer;
  readonly shim: WxShim;
  /** A client on the shared server and shim; sleeps are recorded and skipped (no test waits for a backoff). */
  fast(extra?: ClientOptions): { client: Client; sleeps: number[] };
  /** The rejection of p, which must be a WxerrError of this lib (checked by name, so a built copy passes). */
  failure(p: Promise<unknown>): Promise<WxerrError>;
}

export { delay, json };

/** Registers the server and shim hooks of a test file; `load` gives the lib under test (called lazily). */
export function useContext(load: () => Lib): Ctx {
  let server: TestServer | undefined;
  let shim: WxShim | undefined;
  let lib: Lib | undefined;
  beforeAll(async () => {
    server = await startServer();
    shim = createWxShim();
  });
  afterAll(async () => {
    shim?.destroy();
    await server?.close();
  });
  beforeEach(() => server?.reset());
  const ctx: Ctx = {
    get lib() {
      return (lib ??= load());
    },
    get server() {
      if (!server) throw new Error('server not started');
      return server;
    },
    get shim() {
      if (!shim) throw new Error('shim not started');
      return shim;
    },
    fast(extra = {}) {
      const sleeps: number[] = [];
      const client = ctx.lib.createClient({
        baseURL: ctx.server.origin,
        wx: ctx.shim,
        retry: { baseDelay: 5, maxDelay: 40, jitter: 0 },
        clock: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
        ...extra,
      });
      return { client, sleeps };
    },
    async failure(p) {
      try {
        await p;
      } catch (error) {
        if (ctx.lib.isWxerrError(error)) return error;
        throw error;
      }
      throw new Error('expected the request to fail');
    },
  };
  return ctx;
}
