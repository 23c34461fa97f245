// Screenshots of the mini-program pages for a human look, light and dark: `npm run preview:pages`.
//
// Each page is rendered the way the page tests do it (miniprogram-simulate + the official WXML compiler, in
// jsdom, with a small in-memory wx stub), driven into a few meaningful states, and its DOM is wrapped in an
// HTML page with the page's, the component's and app.wxss converted to CSS (rpx at 375 px: 1rpx = 0.5px;
// `page` → the page wrapper; classes prefixed as simulate prefixes them, keeping component style isolation;
// built-in tags such as wx-view/wx-input/wx-button given base-library-like defaults). A fake status bar,
// navigation bar and tab bar frame it in a 375×812 phone viewport, then headless Chromium takes
// build/preview/<state>-<light|dark>.png (and -full.png for long pages).
//
// Modules: preview-sim.ts (jsdom, simulate, the wx stub), preview-theme.ts (frame sizes, WXSS → CSS, built-in
// and light/dark chrome CSS), preview-render.ts (DOM → a framed HTML page), preview-states.ts (the states and
// how each is reached), preview-audit.ts (contrast and clipping checks run in the page).
//
// THIS IS AN APPROXIMATION of WeChat's renderer, not WeChat: native components (input, textarea, button,
// icon) are drawn with CSS stand-ins, fonts are the Linux system's (Noto CJK), hover states, safe areas and
// the real navigation/tab bars are imitated. Use it to catch layout, contrast and overflow problems; check
// the final look in WeChat DevTools or on a phone.
//
//   npm run preview:pages [-- --only search] [--check] [--chromium /usr/bin/chromium]
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { chromiumPath, launchChromium } from './chromium';
import { auditInPage, type AuditResult } from './preview-audit';
import { annotate, html, PAGES, pageTitle } from './preview-render';
import { installDom, installWx, load, stub, type Rendered, type Simulate } from './preview-sim';
import { seedUser, STATES } from './preview-states';
import { MP, ROOT, VIEW } from './preview-theme';

const OUT = join(ROOT, 'build', 'preview');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : '';
  const executablePath = chromiumPath(args);

  const document = installDom();
  installWx();
  const simulate = load('miniprogram-simulate') as Simulate;
  stub.sleep = () => simulate.sleep(0);
  const ids = new Map<string, string>();
  const render = (name: keyof typeof PAGES): Rendered => {
    const page = PAGES[name];
    if (!ids.has(name)) ids.set(name, simulate.load(join(MP, page.path), { rootPath: MP }));
    const comp = simulate.render(ids.get(name) as string);
    if (!comp) throw new Error(`simulate could not render ${page.path}`);
    comp.attach(document.createElement('parent-wrapper'));
    return comp;
  };

  const pages: { file: string; html: string; full: boolean; fontScale: number }[] = [];
  for (const state of STATES) {
    if (only && !state.name.startsWith(only)) continue;
    stub.storage.clear();
    stub.typed.clear();
    stub.ocrAnchors = undefined;
    if (state.page === 'search') await seedUser(render);
    stub.calls.title = '';
    stub.fontScale = state.fontScale ?? 1;
    const comp = render(state.page);
    await state.drive(comp);
    await simulate.sleep(0);
    annotate(comp._exparserNode);
    const page = PAGES[state.page];
    const title = stub.calls.title || pageTitle(page);
    pages.push({
      file: state.name,
      html: html(state.page, page, comp.dom.outerHTML, title),
      full: !!state.full,
      fontScale: stub.fontScale,
    });
  }

  mkdirSync(OUT, { recursive: true });
  const browser = await launchChromium(executablePath);
  const audits: { page: string; scheme: string; audit: AuditResult }[] = [];
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: VIEW, deviceScaleFactor: 2, colorScheme: scheme });
      const tab = await context.newPage();
      for (const p of pages) {
        const file = join(OUT, `${p.file}.html`);
        writeFileSync(file, p.html);
        await tab.goto(`file://${file}`);
        // Contrast always; at a larger font setting, fonts are scaled (and clipping checked) before the shot.
        const audit = (await tab.evaluate(`(${auditInPage.toString()})(${p.fontScale})`)) as AuditResult;
        audits.push({ page: p.file, scheme, audit });
        await tab.screenshot({ path: join(OUT, `${p.file}-${scheme}.png`) });
        if (p.full) {
          // The whole page, cut into phone-screen slices (a 4000 px strip is unreadable when scaled down).
          await tab.evaluate('document.body.classList.add("full")');
          const height = Number(await tab.evaluate('document.documentElement.scrollHeight'));
          await tab.screenshot({ path: join(OUT, `${p.file}-${scheme}-full.png`), fullPage: true });
          for (let y = 0, n = 1; y < height; y += VIEW.height, n++) {
            const clip = { x: 0, y, width: VIEW.width, height: Math.min(VIEW.height, height - y) };
            await tab.screenshot({
              path: join(OUT, `${p.file}-${scheme}-full${n}.png`),
              fullPage: true,
              clip,
            });
          }
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`${pages.length} states × light/dark → ${OUT}`);
  const problems = reportAudits(audits);
  // --check: a render check for CI or a fix's before/after; any contrast, clipping or off-screen problem fails.
  if (args.includes('--check') && problems) {
    console.error(`preview audit: ${problems} problem(s)`);
    process.exitCode = 1;
  }
}

/** One line per theme, then each problem; the whole result in build/preview/audit.json. Returns the problems. */
function reportAudits(audits: { page: string; scheme: string; audit: AuditResult }[]): number {
  let problems = 0;
  writeFileSync(join(OUT, 'audit.json'), JSON.stringify(audits, null, 2));
  for (const scheme of ['light', 'dark']) {
    const mine = audits.filter((a) => a.scheme === scheme);
    const checked = mine.reduce((n, a) => n + a.audit.checked, 0);
    const failing = mine.flatMap((a) => a.audit.contrast.map((c) => ({ page: a.page, ...c })));
    const min = Math.min(...mine.map((a) => a.audit.minRatio));
    const large = mine.filter((a) => a.audit.fontScale !== 1).length;
    const clipped = mine.flatMap((a) => a.audit.clipped.map((c) => ({ page: a.page, ...c })));
    const offscreen = mine.flatMap((a) => a.audit.offscreen.map((c) => ({ page: a.page, ...c })));
    console.log(
      `${scheme}: ${checked} text elements, min contrast ${min}:1, ${failing.length} below WCAG AA; ` +
        `${large} states at a large font setting, ${clipped.length} clipped elements; ` +
        `${offscreen.length} off the screen`,
    );
    for (const f of failing)
      console.log(`  contrast ${f.ratio} < ${f.need} ${f.page} ${f.cls} "${f.text}" ${f.fg} on ${f.bg}`);
    for (const c of clipped) console.log(`  clipped ${c.overflowPx}px ${c.page} ${c.cls} "${c.text}"`);
    for (const c of offscreen) console.log(`  off screen ${c.overflowPx}px ${c.page} ${c.cls} "${c.text}"`);
    problems += failing.length + clipped.length + offscreen.length;
  }
  return problems;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
