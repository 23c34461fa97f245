// app.json and theme.json: every tab has an icon in both themes, resolved through theme.json variables to a
// PNG that exists, is 81×81 (WeChat's recommended size) and is under WeChat's 40 KB icon limit.
import { readFileSync, statSync } from 'fs';
import { join } from 'path';
import { PNG } from 'pngjs';

const MP = join(__dirname, '..', '..', 'miniprogram');
const app = JSON.parse(readFileSync(join(MP, 'app.json'), 'utf8')) as {
  tabBar: { list: { pagePath: string; iconPath?: string; selectedIconPath?: string }[] };
};
const theme = JSON.parse(readFileSync(join(MP, 'theme.json'), 'utf8')) as Record<
  string,
  Record<string, string>
>;

test.each(app.tabBar.list.map((tab) => [tab.pagePath, tab] as const))(
  'tab %s has icons in light and dark',
  (_, tab) => {
    for (const ref of [tab.iconPath, tab.selectedIconPath]) {
      expect(ref).toMatch(/^@\w+$/);
      for (const scheme of ['light', 'dark']) {
        const file = theme[scheme][String(ref).slice(1)];
        expect(file).toMatch(/^\/images\/tab\/.+\.png$/);
        const path = join(MP, file);
        expect(statSync(path).size).toBeLessThan(40 * 1024);
        const png = PNG.sync.read(readFileSync(path));
        expect([png.width, png.height]).toEqual([81, 81]);
      }
    }
    // Selected and normal differ, so the selected tab is visible.
    expect(theme.light[String(tab.iconPath).slice(1)]).not.toBe(
      theme.light[String(tab.selectedIconPath).slice(1)],
    );
  },
);
