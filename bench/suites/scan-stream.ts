// `wxerr scan` on a 200 MB log, streamed through the CLI as a child process: MB/s and peak RSS (targets
// ≥ 20 MB/s, ≤ 200 MB), and whether every planted error was counted. Side by side in the same run: a naive
// digit regex over the same file, streamed line by line in its own process.
// The log is generated here, in a temp dir (never committed): mostly noise lines of the kinds real servers
// write (Spring, nginx, JSON logs, stack frames), with WeChat error bodies planted at known places.
// WXERR_BENCH_MB=50 makes a smaller log for a quick look.
import { execFileSync, spawnSync } from 'child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'fs';
import { createRequire } from 'module';
import { join } from 'path';
import { availableParallelism, tmpdir } from 'os';
import { defaultWorkers } from '../../cli/scan/scanner';
import { random } from '../random';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'wxerr.js');
const TARGET_MB = Number(process.env.WXERR_BENCH_MB ?? 200);

type Gen = (r: () => number, n: number) => string;
const int = (r: () => number, max: number) => Math.floor(r() * max);
const ts = (n: number) =>
  `2024-03-12 ${String(10 + (((n / 3600000) % 12) | 0)).padStart(2, '0')}:${String(((n / 60000) % 60) | 0).padStart(2, '0')}:${String(((n / 1000) % 60) | 0).padStart(2, '0')}.${String(n % 1000).padStart(3, '0')}`;
const ip = (r: () => number) => `${10 + int(r, 200)}.${int(r, 256)}.${int(r, 256)}.${1 + int(r, 254)}`;
const rid = (r: () => number) =>
  [0, 0, 0].map(() => int(r, 0xffffffff).toString(16).padStart(8, '0')).join('-');

/** Noise: lines that carry numbers, paths and English words, but no WeChat error. */
const NOISE: Gen[] = [
  (r, n) =>
    `${ts(n)}  INFO 48213 --- [nio-8080-exec-${int(r, 200)}] c.e.shop.web.OrderController     : GET /api/orders/${int(r, 1e7)} 200 in ${int(r, 900)} ms`,
  (r, n) =>
    `${ts(n)} DEBUG 48213 --- [nio-8080-exec-${int(r, 200)}] org.hibernate.SQL                  : select o.id, o.user_id, o.total_fee from orders o where o.id=?`,
  (r) =>
    `${ip(r)} - - [12/Mar/2024:10:14:22 +0800] "GET /api/v1/items?page=${int(r, 50)} HTTP/1.1" 200 ${int(r, 90000)} "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) MicroMessenger/8.0.47" 0.0${int(r, 99)}`,
  (r) =>
    `{"ts":"2024-03-12T10:00:01.117Z","level":"info","msg":"request done","path":"/api/cart","status":200,"latency_ms":${int(r, 500)},"uid":${int(r, 1e6)}}`,
  (r) => `\tat com.example.shop.service.PayService.notify(PayService.java:${int(r, 400)})`,
  (r) => `GET /api/goods/${int(r, 1e5)} 200 ${int(r, 300)}.${int(r, 999)} ms - ${int(r, 5000)}`,
  (r, n) =>
    `${ts(n)}  INFO 48213 --- [   scheduling-1] c.e.shop.task.StockSync             : synced ${int(r, 3000)} items from warehouse in ${int(r, 9000)} ms`,
  (r, n) =>
    `${ts(n)}  WARN 48213 --- [nio-8080-exec-${int(r, 200)}] c.e.shop.web.CartController      : cart ${int(r, 1e6)} has an item out of stock, removing it`,
];

/** Planted errors: each writes its line(s) and names its code. Shapes from the extract fixtures. */
export const ERRORS: { code: string; lines: (r: () => number, n: number) => string[] }[] = [
  {
    code: '40001',
    lines: (r, n) => [
      `${ts(n)} ERROR 48213 --- [nio-8080-exec-7] c.e.wx.TokenService : wx api error: {"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest rid: ${rid(r)}"}`,
    ],
  },
  {
    code: '40164',
    lines: (r) => {
      const a = ip(r);
      return [
        'POST https://api.weixin.qq.com/cgi-bin/message/subscribe/send',
        `{"errcode":40164,"errmsg":"invalid ip ${a} ipv6 ::ffff:${a}, not in whitelist rid: ${rid(r)}"}`,
      ];
    },
  },
  {
    code: '45009',
    lines: (r) => [
      `me.chanjar.weixin.common.error.WxErrorException: 错误代码：45009, 错误信息：reach max api daily quota limit rid: ${rid(r)}`,
    ],
  },
  {
    code: '-404011',
    lines: () => [
      'cloud.callFunction:fail Error: errCode: -404011 cloud function execution error | errMsg: timeout',
    ],
  },
  {
    code: '40029',
    lines: (r) => [
      `[WARN] wx.login code2session failed: {"errcode":40029,"errmsg":"invalid code, rid: ${rid(r)}"}`,
    ],
  },
  { code: '-1', lines: (r) => [`{"errcode":-1,"errmsg":"system error rid: ${rid(r)}"}`] },
];
/** One error every ERROR_EVERY lines on average. */
const ERROR_EVERY = 150;

export interface Planted {
  file: string;
  bytes: number;
  lines: number;
  counts: Map<string, number>;
}

/** Writes the log in 1 MB pieces (the generator never holds the file either). */
export function generate(file: string, targetBytes: number): Planted {
  const r = random(20260401);
  const counts = new Map<string, number>();
  const fd = openSync(file, 'w');
  let piece: string[] = [];
  let pieceBytes = 0;
  let bytes = 0;
  let lines = 0;
  const push = (line: string) => {
    piece.push(line);
    pieceBytes += line.length + 1;
    lines++;
  };
  while (bytes + pieceBytes < targetBytes) {
    if (r() < 1 / ERROR_EVERY) {
      const error = ERRORS[int(r, ERRORS.length)];
      error.lines(r, lines).forEach(push);
      counts.set(error.code, (counts.get(error.code) ?? 0) + 1);
    } else push(NOISE[int(r, NOISE.length)](r, lines * 37));
    if (pieceBytes > 1 << 20) {
      bytes += writeSync(fd, piece.join('\n') + '\n');
      piece = [];
      pieceBytes = 0;
    }
  }
  if (piece.length) bytes += writeSync(fd, piece.join('\n') + '\n');
  closeSync(fd);
  return { file, bytes: statSync(file).size, lines, counts };
}

interface Timed {
  seconds: number;
  /** CPU seconds (user + system): what the machine's other load does not change much. */
  cpu: number;
  peakMb: number;
  stdout: string;
}

/** Runs a command under /usr/bin/time: wall seconds and peak RSS of the child. */
function timed(args: string[], out: string): Timed {
  const stats = `${out}.time`;
  const fd = openSync(out, 'w');
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', stats, process.execPath, ...args], {
    stdio: ['ignore', fd, 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  closeSync(fd);
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString().slice(0, 300)}`);
  const last = readFileSync(stats, 'utf8').trim().split('\n').pop() ?? '';
  const [seconds, user, system, kb] = last.split(' ').map(Number);
  return { seconds, cpu: user + system, peakMb: kb / 1024, stdout: readFileSync(out, 'utf8') };
}

/** The naive baseline: every 5–7 digit run, line by line with readline (as the extract bench's naive()). */
const NAIVE = `
const rl = require('readline').createInterface({ input: require('fs').createReadStream(process.argv[1]), crlfDelay: Infinity });
const counts = new Map();
rl.on('line', (line) => { for (const m of line.matchAll(/(?:^|[^\\w-])(-?\\d{5,7})\\b/g)) counts.set(m[1], (counts.get(m[1]) || 0) + 1); });
rl.on('close', () => console.log(JSON.stringify([...counts])));`;

/** dist/ is what an installed wxerr runs; build it when a source file is newer. */
function ensureBuilt(): void {
  const built = join(ROOT, 'dist', 'cli', 'index.js');
  const newest = execFileSync('git', ['-C', ROOT, 'ls-files', 'cli', 'miniprogram/core'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => f.endsWith('.ts') && existsSync(join(ROOT, f)))
    .reduce((t, f) => Math.max(t, statSync(join(ROOT, f)).mtimeMs), 0);
  if (existsSync(built) && statSync(built).mtimeMs >= newest) return;
  console.log('building dist/ (tsc -p tsconfig.node.json) so the CLI runs as installed…');
  execFileSync(
    process.execPath,
    [createRequire(__filename).resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.node.json')],
    { stdio: 'inherit' },
  );
}

export function run(): void {
  if (!existsSync('/usr/bin/time')) {
    console.log('scan-stream: /usr/bin/time is missing (apt-get install time); skipped');
    return;
  }
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'wxerr-bench-stream-'));
  try {
    const log = generate(join(dir, 'app.log'), TARGET_MB * 1024 * 1024);
    const mb = log.bytes / 1024 / 1024;
    const planted = [...log.counts.values()].reduce((a, b) => a + b, 0);
    console.log(
      `log: ${mb.toFixed(1)} MB, ${log.lines} lines, ${planted} planted errors (1 in ~${ERROR_EVERY} lines), generated in ${dir}`,
    );

    const ours = timed([BIN, 'scan', log.file, '--json'], join(dir, 'wxerr.json'));
    const json = JSON.parse(ours.stdout) as {
      codes: { code: string; count: number }[];
      rids: string[];
      summary: { lines: number; extracted: number };
    };
    // The same scan in one thread (no worker): the default uses worker threads on a machine with 2+ cores.
    const single = timed([BIN, 'scan', log.file, '--json', '--threads', '1'], join(dir, 'wxerr-1.json'));
    const sameSingle = single.stdout === ours.stdout;
    const unfiltered = timed(
      [BIN, 'scan', log.file, '--json', '--no-prefilter'],
      join(dir, 'wxerr-all.json'),
    );
    const same = JSON.stringify(JSON.parse(unfiltered.stdout).codes) === JSON.stringify(json.codes);
    const found = new Map(json.codes.map((c) => [c.code, c.count]));
    const naive = timed(['-e', NAIVE, log.file], join(dir, 'naive.json'));
    const naiveCounts = new Map(JSON.parse(naive.stdout) as [string, number][]);

    const rate = (t: Timed) =>
      `${(mb / t.seconds).toFixed(1)} MB/s wall (${t.seconds.toFixed(1)} s), ${(mb / t.cpu).toFixed(1)} MB per CPU-s, peak RSS ${t.peakMb.toFixed(0)} MB`;
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(
      `machine load average ${load} (wall MB/s falls when other processes share the cores; CPU-s less so)`,
    );
    console.log(
      `wxerr scan                  ${rate(ours)}   targets ≥ 20 MB/s, ≤ 200 MB (${availableParallelism()} cores: ${defaultWorkers()} worker thread(s) beside the reading one)`,
    );
    console.log(`wxerr scan --threads 1      ${rate(single)}   same output: ${sameSingle}`);
    console.log(`wxerr scan --no-prefilter   ${rate(unfiltered)}   same codes and counts: ${same}`);
    console.log(`naive digit regex           ${rate(naive)}`);
    console.log(
      `wxerr / naive CPU time ${(ours.cpu / naive.cpu).toFixed(1)}×; prefilter passed ${json.summary.extracted} of ${json.summary.lines} lines to the extractor`,
    );
    console.log('code      planted  wxerr   naive regex');
    for (const { code } of ERRORS) {
      const want = log.counts.get(code) ?? 0;
      console.log(
        `${code.padEnd(9)} ${String(want).padStart(7)}  ${String(found.get(code) ?? 0).padStart(6)}  ${String(naiveCounts.get(code) ?? 0).padStart(6)}`,
      );
    }
    const extra = json.codes.filter((c) => !log.counts.has(c.code));
    const naiveDistinct = naiveCounts.size;
    console.log(
      `codes found that were not planted: wxerr ${extra.length}${extra.length ? ` (${extra.map((c) => `${c.code}×${c.count}`).join(', ')})` : ''}; naive regex ${naiveDistinct - [...log.counts.keys()].filter((c) => naiveCounts.has(c)).length} distinct numbers`,
    );
    console.log(`rids listed once each: ${json.rids.length}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
