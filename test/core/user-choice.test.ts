// User denials are the user's choice (polish3 brief, item 2): a client failure where the user refused an
// authorisation, closed a picker or dialog, or turned a switch off must not read "check the account" or
// "success". The list below was labelled by reading each row's official or observed wording (deny, cancel,
// 拒绝, 取消, 未同意, 用户关闭, not granted); the test checks the catalog build gives exactly these rows the class.
import { actionAdvice } from '../../miniprogram/core/advice';
import { classifyAction } from '../../miniprogram/core/action';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { run } from '../../cli/index';
import { fakeIO } from '../helpers/cli-io';

const USER_CHOICE_ROWS = [
  'errno:3',
  'errno:103',
  'errno:104',
  'errno:101102',
  'errno:702007',
  'errno:703002',
  'errno:1107002',
  'errno:1107013',
  'errno:1504200',
  'errno:1505004',
  'errno:1505027',
  'errno:1509008',
  'wxapi:requestVirtualPayment:-2',
  'wxapi:wifi:12007',
  'wxapi:nfc:13019',
  'wxapi:requestSubscribeMessage:20004',
  'wxapi:requestCommonPayment:702007',
  'wxapi:API:fail privacy permission is not authorized',
  'wxapi:chooseAddress:fail auth deny',
  'wxapi:chooseImage:fail cancel',
  'wxapi:chooseLocation:fail auth deny',
  'wxapi:chooseMedia:fail cancel',
  'wxapi:getLocation:fail auth deny',
  'wxapi:getLocation:fail:auth denied',
  'wxapi:getPhoneNumber:fail user deny',
  'wxapi:getUserInfo:fail auth deny',
  'wxapi:getUserProfile:fail auth deny',
  'wxapi:navigateToMiniProgram:fail cancel',
  'wxapi:requestPayment:fail cancel',
  'wxapi:saveImageToPhotosAlbum:fail auth deny',
  'wxapi:scanCode:fail cancel',
  'wxapi:showActionSheet:fail cancel',
  'wxapi:showModal:fail cancel',
];

const catalog = bundledCatalog();

test("exactly the labelled client rows are the user's choice", () => {
  const got = catalog.entries.filter((e) => e.action === 'user-choice').map((e) => e.id);
  expect(got.sort()).toEqual([...USER_CHOICE_ROWS].sort());
});

test('server codes and device states keep their class (48001 is not a user denial, bluetooth off is not)', () => {
  expect(classifyAction('48001', '开放平台通用', ['api unauthorized'])).toBe('fix-config');
  expect(classifyAction('10001', '小程序客户端 API', ['not available', '当前蓝牙适配器不可用'])).toBe(
    'account-state',
  );
  expect(classifyAction('-1', '小程序客户端 API', ['already connect', '已连接'])).toBe('none');
});

test('the general text says it is the user\'s choice and how to ask again, not "check the account"', () => {
  const advice = actionAdvice('user-choice');
  expect(advice.short.en).toBe("the user's choice");
  expect(advice.en).toMatch(/wx\.openSetting/);
  expect(advice.zh).toMatch(/用户的选择.*wx\.openSetting/);
  expect(`${advice.en}${advice.zh}`).not.toMatch(/check the account|帐号状态/);
});

test.each(['getLocation:fail auth deny', '20004', 'scanCode:fail cancel'])(
  'wxerr %s heads its answer "the user\'s choice"',
  async (code) => {
    const io = fakeIO();
    expect(await run([code], io)).toBe(0);
    expect(io.stdout.join('\n').split('\n')[0]).toMatch(/ {2}the user's choice$/);
  },
);
