// Usage texts: the overview (`wxerr --help`) and one per command (`wxerr help scan`, `wxerr scan --help`).
import { PLATFORMS } from '../miniprogram/core/platforms';
import { wrap } from './text';

/** Every --platform key, from the one platform table (the help had lost wecom, payv3, payv2 and wxapi). */
const PLATFORM_KEYS = wrap(
  `one platform: ${PLATFORMS.map((p) => p.key).join(', ')}`,
  80,
  '  --platform KEY   ',
  ' '.repeat(19),
).join('\n');

export const USAGE = `wxerr: WeChat error codes explained, offline

usage:
  wxerr <code>...               what a code means and what to do
  wxerr lookup <code>...        the same; --all, --platform KEY, --json
  wxerr search "<query>"        codes, errmsg words, Chinese text; --limit N
  wxerr '<body or errmsg>'      a pasted error body: its code, the fix from it
  wxerr scan FILE|DIR|GLOB|-    every code in logs of any size, or a screenshot
  wxerr annotate                pass a log through, explaining lines with a code
  wxerr stats                   entries per platform and per source
  wxerr export                  the whole catalog as JSON (--jsonl: by line)
  wxerr help <command>          more about one command

options:
  --json        machine-readable output
  --lang zh|en  language of the advice (default from LANG)
  --no-color    plain text (also NO_COLOR=1)
  --version     the version
  -h, --help    this help

exit codes: 0 found, 1 not found, 2 usage error or bad input`;

export const COMMAND_HELP: Record<string, string> = {
  lookup: `wxerr lookup <code>...  (or just wxerr <code>)

The meaning, the fix, then the other platforms folded in one line.
  --all            every platform in full, the non-WeChat platform apart
${PLATFORM_KEYS}
  --lang zh|en     language of the advice
  --json           every entry as JSON
e.g. wxerr 40001; wxerr -1 --all; wxerr 40001 --platform thirdparty`,
  search: `wxerr search "<query>"

One block per code, best first. Codes, errmsg words and Chinese text all work.
  --limit N        codes to show (default 10)
  --all            also show the non-WeChat platform's matches
  --platform KEY   only one platform
  --json           hits as JSON;  --jsonl: one query per stdin line → one JSON line
e.g. wxerr search ip白名单; wxerr search "access_token expired"`,
  scan: `wxerr scan FILE|DIR|GLOB|- ...

Every WeChat error code in logs of any size, streamed line by line in constant
memory: several files, globs ("logs/*.log", quoted or not), directories
(recursively, binary files skipped) and standard input (-). A PNG or JPEG is
read with OCR. Ends with a summary by code: count, first and last line.
  --json           {codes:[{code,inferred,evidence,rid,entries,count,first,last,
                   next}],rids,summary,problems}
  --ocr-text       print the text OCR read from each image, then scan it
  --jsonl          one JSON-encoded text per stdin line → one result per line
  --no-prefilter   give every line to the extractor (slower; for comparison)
  --threads N      threads for a large input, the reading one included
                   (default 2, or 1 on a 1-core machine); same output either way
Bad input (a missing file, binary data, invalid UTF-8, a broken image) gets
one line naming the file; the other files are still scanned; exit 2 at the end.
e.g. wxerr scan app.log; zcat app.log.gz | wxerr scan -; wxerr scan logs/`,
  annotate: `wxerr annotate

Passes standard input through, appending a short explanation to each line
that carries a code.  e.g. tail -f app.log | wxerr annotate`,
  stats: `wxerr stats [--json]

Entries per platform and per source; every source row accounted for.`,
  export: `wxerr export [--jsonl] [--compact]

The whole catalog as JSON (--jsonl: one entry per line; --compact: no indent).`,
  help: `wxerr help <command>

Help for one command: lookup, search, scan, annotate, stats, export.`,
};
