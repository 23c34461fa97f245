// Client errMsg failures that have no number (wx.* fail callbacks pasted from the DevTools console): the scan
// finds the catalog's errMsg entry, and leaves an errno that says the same thing alone.
import { extractCodes } from '../../miniprogram/core/extract';
import { run } from '../../cli/index';
import { fakeIO } from '../helpers/cli-io';

const codesOf = (text: string) => extractCodes(text).codes.map((c) => [c.code, c.entryId, c.inferred]);

// A DevTools console paste in the shape the console prints a fail callback (constructed for this test).
const CONSOLE = [
  'VM27:1 定位失败 {errMsg: "getLocation:fail auth deny"}',
  'WAService.js:1 {errMsg: "chooseAddress:fail authorize no response"}',
  'pages/login/login.js? [sm]:41 {errMsg: "getUserProfile:fail auth deny"}',
].join('\n');

describe('client errMsg failures in a scan', () => {
  it('finds each catalog errMsg of a console paste as an explicit client-API code', () => {
    expect(codesOf(CONSOLE)).toEqual([
      ['getLocation:fail auth deny', 'wxapi:getLocation:fail auth deny', false],
      ['chooseAddress:fail authorize no response', 'wxapi:chooseAddress:fail authorize no response', false],
      ['getUserProfile:fail auth deny', 'wxapi:getUserProfile:fail auth deny', false],
    ]);
  });

  it('matches the longest catalog errMsg at the start, whatever follows it', () => {
    // Real line: github:2663272622/car src/utils/location/index.ts (both spellings the client returns).
    const line =
      'if (arr.errMsg === "getLocation:fail:auth denied" || arr.errMsg === "getLocation:fail auth deny") {';
    expect(codesOf(line).map((c) => c[0])).toEqual([
      'getLocation:fail:auth denied',
      'getLocation:fail auth deny',
    ]);
    expect(
      codesOf('getLocation:fail auth deny, scope=scope.userLocation at pages/map.js:12').map((c) => c[0]),
    ).toEqual(['getLocation:fail auth deny']);
  });

  it('leaves network failures to their errno, and a line with an errno to that errno', () => {
    const paste =
      'request:fail url not in domain list\n{errMsg: "request:fail url not in domain list", errno: 600002}';
    expect(codesOf(paste).map((c) => c[0])).toEqual(['600002']);
    expect(codesOf('{errMsg: "requestPayment:fail cancel", errno: 0}')).toEqual([]);
    expect(codesOf('{errMsg: "scanCode:fail cancel"}').map((c) => c[0])).toEqual(['scanCode:fail cancel']);
  });

  it('ignores `:fail` text the catalog does not hold, and prose about a failure', () => {
    expect(codesOf('login:fail the user is offline')).toEqual([]);
    expect(codesOf('the getLocation call fail auth deny handling is in utils')).toEqual([]);
  });

  it('wxerr scan reads them from stdin and names the official page', async () => {
    const io = fakeIO(CONSOLE);
    expect(await run(['scan', '-'], io)).toBe(0);
    const out = io.stdout.join('\n');
    expect(out).toContain('getLocation:fail auth deny');
    expect(out).toContain('stdin:3:');
    expect(out).toMatch(/summary: 3 codes/);
  });
});
