// Scan: paste a log (or read the clipboard on tap, or OCR a screenshot on the phone with VisionKit) and list
// every WeChat error code in it with its meaning, the line it came from and its rid. Nothing leaves the
// phone. OCR goes through adapters/ocr (explicit outcomes); anything but success falls back to the paste box.
import { ownDetailPage } from '../../core/own-page';
import { bundledCatalog } from '../../core/catalog';
import { extractCodes, type ScanResult } from '../../core/extract';
import { recognizeText, type OcrOutcome } from '../../adapters/ocr';
import { pickScreenshot } from '../../adapters/media';
import { copyText, openDetail, toast } from '../../adapters/ui';
import { MAX_PASTE_CHARS, scanRows, scanSummary, type ScanRow } from './results';

/** Text shown back in the box after a clipboard read or OCR (the scan itself uses all of it). */
const SHOW_MAX = 20_000;

type State = 'idle' | 'scanning' | 'results' | 'none' | 'error';

/** What the user is told when OCR does not give text; the paste box always stays usable. */
export function ocrMessage(outcome: Exclude<OcrOutcome, { kind: 'ok' }>): string {
  switch (outcome.kind) {
    case 'unsupported':
      return '当前微信版本或设备不支持图片文字识别，请复制日志文字粘贴到上方。';
    case 'denied':
      return '没有相机/相册或隐私授权，无法识别图片。可在设置中授权，或直接粘贴文字。';
    case 'timeout':
      return '图片识别超时，请重试，或直接粘贴文字。';
    case 'empty':
      return '图片中没有识别出文字，请换一张更清晰的截图，或直接粘贴文字。';
    case 'failed':
      return '图片识别失败，请直接粘贴文字。';
  }
}

interface ScanData {
  state: State;
  /** Text shown in the paste box (set only when we fill it: clipboard, OCR, clear). */
  text: string;
  /** Characters in the box, for the counter. */
  length: number;
  rows: ScanRow[];
  total: number;
  rids: string[];
  message: string;
  busy: boolean;
  /** The box has focus: it keeps its full height although results are shown. */
  editing: boolean;
}

const INITIAL: ScanData = {
  state: 'idle',
  text: '',
  length: 0,
  rows: [],
  total: 0,
  rids: [],
  message: '',
  busy: false,
  editing: false,
};

Component({
  data: { ...INITIAL, max: MAX_PASTE_CHARS },

  methods: {
    /** The typed text lives outside `data` so typing never round-trips through setData. */
    current(): string {
      return (this as unknown as { _text?: string })._text ?? '';
    },
    remember(text: string): void {
      (this as unknown as { _text?: string })._text = text;
      (this as unknown as { _result?: ScanResult })._result = undefined;
    },

    onInput(e: WechatMiniprogram.Input) {
      const text = e.detail.value;
      this.remember(text);
      if (text.length !== this.data.length) this.setData({ length: text.length });
    },

    onEdit() {
      if (!this.data.editing) this.setData({ editing: true });
    },

    onScan() {
      this.scan(this.current());
    },

    scan(text: string, origin?: string) {
      if (!text.trim()) {
        this.setData({ state: 'error', message: '请先粘贴含错误码的日志或返回内容。', rows: [], rids: [] });
        return;
      }
      if (text.length > MAX_PASTE_CHARS) {
        this.setData({
          state: 'error',
          rows: [],
          rids: [],
          message: `内容有 ${text.length} 个字符，超过 ${MAX_PASTE_CHARS} 的上限，请只粘贴出错的那一段。`,
        });
        return;
      }
      let result: ScanResult;
      try {
        // A screenshot (or the text) of wxerr's own detail page names one entry: that one, as the page states it.
        result = ownDetailPage(text, bundledCatalog()) ?? extractCodes(text);
      } catch (error) {
        this.setData({ state: 'error', rows: [], rids: [], message: `无法扫描：${String(error)}` });
        return;
      }
      (this as unknown as { _result?: ScanResult })._result = result;
      const rows = scanRows(result, bundledCatalog());
      this.setData({
        state: rows.length ? 'results' : 'none',
        editing: false,
        rows,
        total: result.codes.length,
        rids: result.rids.slice(0, 10),
        message: rows.length
          ? (origin ?? '')
          : '没有找到错误码。可以粘贴含 errcode、errCode 或 errno 的原文。',
      });
    },

    /** Fills the box with text we obtained (clipboard, OCR) and scans it. */
    fill(text: string, origin: string) {
      this.remember(text);
      const shown = text.length > SHOW_MAX ? text.slice(0, SHOW_MAX) : text;
      this.setData({ text: shown, length: text.length });
      this.scan(text, origin);
    },

    /** Reads the clipboard only here, on the user's tap. */
    onReadClipboard() {
      wx.getClipboardData({
        success: (res) => {
          if (!res.data || !res.data.trim()) {
            toast('剪贴板是空的');
            return;
          }
          this.fill(res.data, '');
        },
        fail: () => {
          this.setData({ state: 'error', message: '无法读取剪贴板，请长按输入框粘贴。' });
        },
      });
    },

    async onScanImage() {
      if (this.data.busy) return;
      this.setData({ busy: true, state: 'scanning', message: '正在本机识别图片文字…' });
      try {
        const picked = await pickScreenshot();
        if (picked.kind === 'cancelled') {
          this.setData({ state: this.data.rows.length ? 'results' : 'idle', message: '' });
          return;
        }
        if (picked.kind !== 'ok') {
          const outcome: OcrOutcome =
            picked.kind === 'denied'
              ? { kind: 'denied', detail: picked.detail }
              : { kind: 'failed', detail: picked.detail };
          this.setData({ state: 'error', rows: [], rids: [], message: ocrMessage(outcome) });
          return;
        }
        const outcome = await recognizeText(picked.frame);
        if (outcome.kind === 'ok') {
          this.fill(outcome.text, '已识别图片文字，可在上方核对（识别可能有误）。');
        } else {
          this.setData({ state: 'error', rows: [], rids: [], message: ocrMessage(outcome) });
        }
      } finally {
        this.setData({ busy: false });
      }
    },

    onOpen(e: WechatMiniprogram.TouchEvent) {
      const id = String((e.currentTarget.dataset as { id?: string }).id ?? '');
      if (id) openDetail(id);
    },

    onCopySummary() {
      const result = (this as unknown as { _result?: ScanResult })._result;
      if (!result || !result.codes.length) return;
      copyText(scanSummary(result, bundledCatalog()), '已复制');
    },

    onClear() {
      this.remember('');
      this.setData({ ...INITIAL });
    },
  },
});
