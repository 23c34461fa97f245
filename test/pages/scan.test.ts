// The scan page in miniprogram-simulate (official compiler): paste → results, clipboard on tap, screenshot
// OCR through a fake VKSession (success, start error, timeout, unsupported, picker cancel/denied), size
// bound, copy summary, tap → detail. wx is strict: an API a test did not stub throws.
import simulate from 'miniprogram-simulate';
import {
  fire,
  installWx,
  instanceOf,
  loader,
  meterSetData,
  textOf,
  type Rendered,
} from '../helpers/simulate';
import { MAX_PASTE_CHARS } from '../../miniprogram/pages/scan/results';
import { mediaApi, vkApi, type VkBehaviour } from '../adapters/vk-stub';

const render = loader('pages/scan/index');

const LOG = [
  '2024-03-12 09:41:22 ERROR get token failed',
  '{"errcode":40164,"errmsg":"invalid ip 47.96.121.18 ipv6 ::ffff:47.96.121.18, not in whitelist rid: 65efb3a2-1c0e5d7a-3f1b2c44"}',
  'retry in 300s',
  '{"errcode":45999,"errmsg":"something new"}',
].join('\n');

async function paste(comp: Rendered, text: string): Promise<void> {
  await fire(comp, '.paste', 'input', { value: text });
  await fire(comp, '.scan-text', 'tap');
}

function rows(comp: Rendered): string[] {
  return comp.querySelectorAll('.row').map((r) => textOf(r));
}

/** Waits until the page leaves the scanning state (OCR is asynchronous). */
async function settle(comp: Rendered, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const d = instanceOf(comp).data as { busy: boolean };
    if (!d.busy) return;
    await simulate.sleep(5);
  }
  throw new Error('page still busy');
}

function ocrEnv(b: VkBehaviour, env: Parameters<typeof vkApi>[1] = {}, pick = { width: 300, height: 200 }) {
  const vk = vkApi(b, env);
  const stub = installWx({ ...vk.api, ...mediaApi(pick) });
  return { vk, stub };
}

describe('paste', () => {
  test('pasted log → one row per code with meaning, evidence line and rid; unknown code by family', async () => {
    installWx();
    const comp = render();
    await paste(comp, LOG);
    const list = rows(comp);
    expect(list).toHaveLength(2);
    expect(list[0]).toContain('40164');
    expect(list[0]).toMatch(/白名单|whitelist/i);
    expect(list[0]).toContain('第 2 行');
    expect(list[0]).toContain('rid: 65efb3a2-1c0e5d7a-3f1b2c44');
    expect(list[1]).toContain('45999');
    expect(list[1]).toContain('号段');
    expect(list[1]).toContain('45xxx');
    expect(textOf(comp.querySelector('.head'))).toContain('找到 2 处错误码');
  });

  test('a WeCom line opens the WeCom meaning first and says what decided it', async () => {
    installWx();
    const comp = render();
    // Verbatim from a public thread (github:zhayujie/CowAgent#1728, bench/data/real/snippets.txt).
    await paste(
      comp,
      '[ERROR][2024-02-02 12:38:36][chat_channel.py:314] - [WX] sendMsg error: Error code: 60020, message: not allow to access from your ip, hint: [1706848717432011565347844], from ip: x.x.x.x, more info at https://open.work.weixin.qq.com/devtool/query?e=60020',
    );
    const data = comp.instance.data as { rows: { id: string; context: string; tag: string }[] };
    expect(data.rows[0].id).toBe('wecom:60020');
    expect(data.rows[0].context).not.toBe('');
    expect(rows(comp)[0]).toContain('判断平台');
  });

  test('setData stays small: rows carry short texts, never entries or the pasted text', async () => {
    installWx();
    const comp = render();
    const meter = meterSetData(comp);
    const big = Array.from({ length: 400 }, (_, i) => `line ${i} {"errcode":${40001 + i},"errmsg":"x"}`).join(
      '\n',
    );
    await paste(comp, big);
    expect(meter.keys.flat()).not.toContain('text');
    expect(meter.max()).toBeLessThan(32 * 1024);
    expect(comp.querySelectorAll('.row')).toHaveLength(50);
    expect(textOf(comp.dom!)).toContain('只显示前 50 处');
  });

  test('nothing found and empty input get clear messages', async () => {
    installWx();
    const comp = render();
    await paste(comp, 'all good, HTTP 200 in 35ms');
    expect(textOf(comp.querySelector('.status'))).toContain('没有找到错误码');
    await paste(comp, '   ');
    expect(textOf(comp.querySelector('.status.error'))).toContain('请先粘贴');
  });

  test('text over the bound is refused with its size, and kept', async () => {
    installWx();
    const comp = render();
    const huge = '{"errcode":40001}\n'.padEnd(MAX_PASTE_CHARS + 10, 'x');
    await paste(comp, huge);
    expect(textOf(comp.querySelector('.status.error'))).toContain(String(huge.length));
    expect(comp.querySelectorAll('.row')).toHaveLength(0);
    expect(textOf(comp.querySelector('.counter'))).toContain(`${huge.length} / ${MAX_PASTE_CHARS}`);
  });

  test('tap a row → detail page of its entry; copy summary → clipboard with codes and rid', async () => {
    const stub = installWx();
    const comp = render();
    await paste(comp, LOG);
    await fire(comp, '.row', 'tap');
    expect(stub.navigateTo).toHaveBeenCalledTimes(1);
    const url = (stub.navigateTo.mock.calls[0][0] as { url: string }).url;
    expect(url).toMatch(/^\/pages\/detail\/index\?id=/);
    expect(decodeURIComponent(url.split('id=')[1])).toMatch(/:40164$/);

    await fire(comp, '.copy', 'tap');
    const copied = (stub.setClipboardData.mock.calls[0][0] as { data: string }).data;
    expect(copied.split('\n')[0]).toMatch(/^40164 \[.+\] /);
    expect(copied).toContain('45999 [未收录，按号段]');
    expect(copied).toContain('rid: 65efb3a2-1c0e5d7a-3f1b2c44');
  });
});

describe('clipboard', () => {
  test('read only on tap, then scanned', async () => {
    const getClipboardData = jest.fn((o: { success: (r: { data: string }) => void }) =>
      setTimeout(() => o.success({ data: '{"errcode":40001,"errmsg":"invalid credential"}' }), 1),
    );
    installWx({ getClipboardData });
    const comp = render();
    await simulate.sleep(10);
    expect(getClipboardData).not.toHaveBeenCalled();
    await fire(comp, '.clipboard', 'tap');
    await simulate.sleep(10);
    expect(getClipboardData).toHaveBeenCalledTimes(1);
    expect(rows(comp)[0]).toContain('40001');
    expect((instanceOf(comp).data as { text: string }).text).toBe(
      '{"errcode":40001,"errmsg":"invalid credential"}',
    );
  });

  test('clipboard failure → fallback message', async () => {
    installWx({
      getClipboardData: (o: { fail: (e: unknown) => void }) => o.fail({ errMsg: 'getClipboardData:fail' }),
    });
    const comp = render();
    await fire(comp, '.clipboard', 'tap');
    expect(textOf(comp.querySelector('.status.error'))).toContain('长按输入框粘贴');
  });
});

describe('screenshot OCR', () => {
  const scanImage = (comp: Rendered) => fire(comp, '.scan-image', 'tap');

  test('success → recognised text fills the box and is scanned', async () => {
    const { vk } = ocrEnv({ anchors: ['errCode: -404011 cloud function execution error'] });
    const comp = render();
    await scanImage(comp);
    await settle(comp);
    expect(vk.sessions).toHaveLength(1);
    expect(vk.sessions[0].ocrCalls[0]).toEqual({ width: 300, height: 200, bytes: 300 * 200 * 4 });
    expect(vk.sessions[0].destroyed).toBe(true);
    expect(rows(comp)[0]).toContain('-404011');
    expect((instanceOf(comp).data as { text: string }).text).toContain('errCode: -404011');
    expect(textOf(comp.dom!)).toContain('已识别图片文字');
  });

  test('start error → failure message, paste box still works', async () => {
    ocrEnv({ startStatus: 2000000, anchors: ['x'] });
    const comp = render();
    await scanImage(comp);
    await settle(comp);
    expect(textOf(comp.querySelector('.status.error'))).toContain('图片识别失败，请直接粘贴文字');
    await paste(comp, '{"errcode":40001}');
    expect(rows(comp)[0]).toContain('40001');
  });

  test('no answer → timeout message', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      ocrEnv({});
      const comp = render();
      const tap = scanImage(comp);
      await jest.advanceTimersByTimeAsync(50);
      await tap;
      expect((instanceOf(comp).data as { state: string }).state).toBe('scanning');
      await jest.advanceTimersByTimeAsync(10_000);
      expect(textOf(comp.querySelector('.status.error'))).toContain('图片识别超时');
      expect((instanceOf(comp).data as { busy: boolean }).busy).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });

  test('unsupported (no VisionKit, old base library) → says so and points to the paste box', async () => {
    ocrEnv({ anchors: ['x'] }, { supported: false });
    const comp = render();
    await scanImage(comp);
    await settle(comp);
    expect(textOf(comp.querySelector('.status.error'))).toContain('不支持图片文字识别');

    const old = ocrEnv({ anchors: ['x'] }, { sdk: '2.20.0' });
    const comp2 = render();
    await scanImage(comp2);
    await settle(comp2);
    expect(old.vk.sessions).toHaveLength(0);
    expect(textOf(comp2.querySelector('.status.error'))).toContain('不支持图片文字识别');
  });

  test('nothing recognised → empty message', async () => {
    ocrEnv({ anchors: [] });
    const comp = render();
    await scanImage(comp);
    await settle(comp);
    expect(textOf(comp.querySelector('.status.error'))).toContain('没有识别出文字');
  });

  test('picker cancelled → back to idle quietly; denied → permission message', async () => {
    installWx({ ...vkApi({ anchors: ['x'] }).api, ...mediaApi({ fail: 'chooseMedia:fail cancel' }) });
    const comp = render();
    await scanImage(comp);
    await settle(comp);
    expect((instanceOf(comp).data as { state: string }).state).toBe('idle');
    expect(comp.querySelector('.status.error')).toBeUndefined();

    installWx({ ...vkApi({ anchors: ['x'] }).api, ...mediaApi({ fail: 'chooseMedia:fail auth deny' }) });
    const comp2 = render();
    await scanImage(comp2);
    await settle(comp2);
    expect(textOf(comp2.querySelector('.status.error'))).toContain('没有相机/相册或隐私授权');
  });
});
