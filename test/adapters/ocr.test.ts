// The VisionKit OCR adapter against a fake VKSession that behaves as documented: every outcome is explicit
// and the session is always destroyed.
import { compareVersion, ocrSupport, recognizeText, type RgbaFrame } from '../../miniprogram/adapters/ocr';
import { pickScreenshot, MAX_OCR_SIDE } from '../../miniprogram/adapters/media';
import { mediaApi, vkApi, type VkBehaviour } from './vk-stub';

function frame(width = 4, height = 3): RgbaFrame {
  return { frameBuffer: new ArrayBuffer(width * height * 4), width, height };
}

function install(api: Record<string, unknown>): void {
  (globalThis as unknown as { wx: unknown }).wx = api;
}

function withVk(b: VkBehaviour, env?: Parameters<typeof vkApi>[1]) {
  const vk = vkApi(b, env);
  install(vk.api);
  return vk;
}

describe('support checks', () => {
  test('compareVersion compares numerically', () => {
    expect(compareVersion('2.27.0', '2.9.1')).toBe(1);
    expect(compareVersion('2.26.9', '2.27.0')).toBe(-1);
    expect(compareVersion('2.27', '2.27.0')).toBe(0);
  });

  test('no createVKSession → unsupported, nothing else called', async () => {
    withVk({ anchors: ['x'] }, { supported: false });
    expect(ocrSupport()).toEqual({ ok: false, detail: expect.stringContaining('VisionKit') });
    await expect(recognizeText(frame())).resolves.toMatchObject({ kind: 'unsupported' });
  });

  test('base library older than 2.27.0 → unsupported', async () => {
    const vk = withVk({ anchors: ['errcode: 40001'] }, { sdk: '2.26.2' });
    await expect(recognizeText(frame())).resolves.toEqual({
      kind: 'unsupported',
      detail: 'base library 2.26.2 is older than 2.27.0',
    });
    expect(vk.sessions).toHaveLength(0);
  });

  test('isVKSupport("v1") false → unsupported', async () => {
    withVk({ anchors: ['x'] }, { isVKSupport: false });
    await expect(recognizeText(frame())).resolves.toMatchObject({ kind: 'unsupported' });
  });
});

describe('recognizeText', () => {
  test('anchors after runOCR → ok with their texts, one per line; session destroyed', async () => {
    const vk = withVk({ anchors: ['{"errcode":40001,', '"errmsg":"invalid credential"}'] });
    const outcome = await recognizeText(frame(8, 5));
    expect(outcome).toEqual({ kind: 'ok', text: '{"errcode":40001,\n"errmsg":"invalid credential"}' });
    expect(vk.sessions[0].ocrCalls).toEqual([{ width: 8, height: 5, bytes: 8 * 5 * 4 }]);
    expect(vk.sessions[0].destroyed).toBe(true);
    expect(vk.sessions[0].handlers.get('updateAnchors')).toEqual([]);
  });

  test('a rid the screen wrapped over two anchors is one line again (core text repair)', async () => {
    withVk({ anchors: ['errcode 48001 api unauthorized rid: 65d38b69-62497c5f-7e6c', '18da'] });
    await expect(recognizeText(frame())).resolves.toEqual({
      kind: 'ok',
      text: 'errcode 48001 api unauthorized rid: 65d38b69-62497c5f-7e6c18da',
    });
  });

  test('anchors with no text → empty', async () => {
    withVk({ anchors: ['', '  '] });
    await expect(recognizeText(frame())).resolves.toEqual({ kind: 'empty' });
  });

  test('updateAnchors never emitted → timeout, session destroyed', async () => {
    const vk = withVk({});
    const outcome = await recognizeText(frame(), { timeoutMs: 30 });
    expect(outcome).toEqual({ kind: 'timeout' });
    expect(vk.sessions[0].destroyed).toBe(true);
  });

  test('anchors arriving after the timeout are ignored', async () => {
    withVk({ anchors: ['late'], delayMs: 40 });
    await expect(recognizeText(frame(), { timeoutMs: 20 })).resolves.toEqual({ kind: 'timeout' });
  });

  test.each([
    [104, 'denied'],
    [2003002, 'denied'],
    [2000002, 'unsupported'],
    [2000000, 'failed'],
    [2003000, 'failed'],
  ])('start status %i → %s', async (status, kind) => {
    const vk = withVk({ startStatus: status, anchors: ['never'] });
    const outcome = await recognizeText(frame());
    expect(outcome).toEqual({ kind, detail: `VKSession.start status ${status}` });
    expect(vk.sessions[0].ocrCalls).toHaveLength(0);
  });

  test('start throwing → failed', async () => {
    withVk({ startThrows: true });
    await expect(recognizeText(frame())).resolves.toEqual({
      kind: 'failed',
      detail: 'VKSession.start: start:fail internal error',
    });
  });

  test('a frame without pixels → failed before any session', async () => {
    const vk = withVk({ anchors: ['x'] });
    await expect(
      recognizeText({ frameBuffer: new ArrayBuffer(4), width: 10, height: 10 }),
    ).resolves.toMatchObject({
      kind: 'failed',
    });
    expect(vk.sessions).toHaveLength(0);
  });
});

describe('pickScreenshot', () => {
  test('chooseMedia → offscreen canvas → RGBA pixels, scaled to the OCR bound', async () => {
    install(mediaApi({ width: 1080, height: 4096 }));
    const picked = await pickScreenshot();
    if (picked.kind !== 'ok') throw new Error(`expected ok, got ${picked.kind}`);
    expect(picked.frame.height).toBe(MAX_OCR_SIDE);
    expect(picked.frame.width).toBe(Math.round((1080 * MAX_OCR_SIDE) / 4096));
    expect(picked.frame.frameBuffer.byteLength).toBe(picked.frame.width * picked.frame.height * 4);
  });

  test('cancel and denial are told apart', async () => {
    install(mediaApi({ fail: 'chooseMedia:fail cancel' }));
    await expect(pickScreenshot()).resolves.toEqual({ kind: 'cancelled' });
    install(mediaApi({ fail: 'chooseMedia:fail auth deny' }));
    await expect(pickScreenshot()).resolves.toEqual({ kind: 'denied', detail: 'chooseMedia:fail auth deny' });
    install(mediaApi({ fail: 'chooseMedia:fail file not found' }));
    await expect(pickScreenshot()).resolves.toMatchObject({ kind: 'failed' });
  });
});
