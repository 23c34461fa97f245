// Text snippets rendered into the OCR bench screenshots (bench/ocr/render.ts). Each lists the WeChat error
// codes a reader would report from it; other numbers (timestamps, ports, ids, sizes, line numbers) are there
// on purpose, as in real logs, to measure precision.

export type SnippetStyle = 'terminal' | 'devtools' | 'json' | 'chat';

export interface Snippet {
  id: string;
  lang: 'en' | 'zh';
  style: SnippetStyle;
  text: string;
  codes: string[];
}

export const SNIPPETS: Snippet[] = [
  {
    id: 'token-invalid',
    lang: 'en',
    style: 'terminal',
    text: `$ curl -s "https://api.weixin.qq.com/cgi-bin/user/info?openid=oX1a2&lang=zh_CN"
{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest rid: 65bb65b7-402cd2bc-0d97216b"}
$ date
Thu Feb  1 18:20:07 CST 2024`,
    codes: ['40001'],
  },
  {
    id: 'ip-whitelist',
    lang: 'en',
    style: 'terminal',
    text: `2024-03-12 09:41:22.318 ERROR [token-refresher] pid=31877 get access_token failed
{"errcode":40164,"errmsg":"invalid ip 47.96.121.18 ipv6 ::ffff:47.96.121.18, not in whitelist rid: 65efb3a2-1c0e5d7a-3f1b2c44"}
2024-03-12 09:41:22.320 WARN  retry in 300s (attempt 2/5)`,
    codes: ['40164'],
  },
  {
    id: 'devtools-login',
    lang: 'en',
    style: 'devtools',
    text: `[login] wx.login ok, code=0e3Xk1000kV9qR1abc2000aBc93Xk1N
POST https://api.example.com/v1/session 200 (OK)  342ms
[session] {"errcode":40029,"errmsg":"invalid code, rid: 66a1f0e2-5b3c7d19-22a4e8f0"}
app.js:127 Error: login failed (40029)`,
    codes: ['40029'],
  },
  {
    id: 'request-fail-domain',
    lang: 'en',
    style: 'devtools',
    text: `request:fail url not in domain list
{errMsg: "request:fail url not in domain list", errno: 600002}
    at request (WAServiceMainContext.js:2:1183702)
pages/index/index.js:58  upload cancelled after 3 attempts`,
    codes: ['600002'],
  },
  {
    id: 'vk-unsupported',
    lang: 'en',
    style: 'devtools',
    text: `VKSession start fail {errCode: 2003000, errMsg: "createVKSession:fail not support"}
Base library 2.26.1, iPhone 8 (iOS 15.7.3)
ocr.js:42 falling back to manual input`,
    codes: ['2003000'],
  },
  {
    id: 'subscribe-msg',
    lang: 'en',
    style: 'json',
    text: `{
  "errcode": 43101,
  "errmsg": "user refuse to accept the msg rid: 65f0a8c1-0b2d3e4f-5a6b7c8d",
  "template_id": "bDmywsp2oEHjwAadTGKkUJ-eJEiMiOf7H-dZ7wjdw80",
  "touser": "oA1b2C3d4E5f6G7h8I9j0K"
}`,
    codes: ['43101'],
  },
  {
    id: 'cloud-db',
    lang: 'en',
    style: 'devtools',
    text: `[cloud] db.collection('orders').add failed
Error: errCode: -502005 database collection not exists | errMsg: [ResourceNotFound] Db or Table not exist.
    at e.exports (index.js:1:2041)
total 12 docs, 4096 bytes, took 873ms`,
    codes: ['-502005'],
  },
  {
    id: 'cloud-fn-timeout',
    lang: 'en',
    style: 'terminal',
    text: `cloud.callFunction:fail Error: errCode: -504003 functions execution time limit exceeded
RequestId: 9c6e2a1f-3b7d-4e58-a1c0-77f2d9e4b6a3  Duration: 3000ms  Memory: 256MB
errCode: -404011 cloud function execution error`,
    codes: ['-504003', '-404011'],
  },
  {
    id: 'quota',
    lang: 'en',
    style: 'json',
    text: `{
  "errcode": 45009,
  "errmsg": "reach max api daily quota limit rid: 65c2d1e0-4a5b6c7d-8e9f0a1b"
}
// called 100000 times since 00:00, limit 100000`,
    codes: ['45009'],
  },
  {
    id: 'api-unauthorized',
    lang: 'en',
    style: 'terminal',
    text: `>>> resp = requests.post(url, json=payload, timeout=5)
>>> resp.json()
{'errcode': 48001, 'errmsg': 'api unauthorized rid: 65d3e2f1-5b6c7d8e-9f0a1b2c'}
>>> resp.elapsed.total_seconds()
0.214`,
    codes: ['48001'],
  },
  {
    id: 'content-risky',
    lang: 'en',
    style: 'json',
    text: `POST /wxa/msg_sec_check 200 in 187ms
{"errcode":87014,"errmsg":"risky content hint: [Yc6aJa07443119]"}
{"errcode":0,"errmsg":"ok"}`,
    codes: ['87014'],
  },
  {
    id: 'token-expired',
    lang: 'en',
    style: 'terminal',
    text: `[2024-05-20T08:00:01.552Z] api.weixin.qq.com/cgi-bin/message/custom/send
  -> errcode=42001 errmsg="access_token expired rid: 664b0321-2f6d1a5b-7c8e9d0a"
[2024-05-20T08:00:01.601Z] refreshing token (expires_in=7200)`,
    codes: ['42001'],
  },
  {
    id: 'two-errors',
    lang: 'en',
    style: 'terminal',
    text: `worker-3  | sendTemplate failed: {"errcode":40037,"errmsg":"invalid template_id rid: 6650a1b2-3c4d5e6f-7a8b9c0d"}
worker-3  | getPhoneNumber failed: {"errcode":40013,"errmsg":"invalid appid rid: 6650a1b3-1d2e3f4a-5b6c7d8e"}
worker-3  | processed 1532 jobs, 2 failed, uptime 86400s`,
    codes: ['40037', '40013'],
  },
  {
    id: 'pay-sign',
    lang: 'en',
    style: 'devtools',
    text: `requestPayment:fail {errMsg: "requestPayment:fail cancel", errno: 1}
order 202405201830001234 amount 1999 (fen)
checkout.js:213 user cancelled`,
    codes: ['1'],
  },
  {
    id: 'missing-param',
    lang: 'en',
    style: 'json',
    text: `{
  "errcode": 41002,
  "errmsg": "appid missing rid: 6651b2c3-4d5e6f7a-8b9c0d1e"
}`,
    codes: ['41002'],
  },
  {
    id: 'gateway',
    lang: 'en',
    style: 'terminal',
    text: `HTTP/1.1 200 OK
Content-Length: 97
{"errcode":-1,"errmsg":"system error rid: 6652c3d4-5e6f7a8b-9c0d1e2f"}
retry after 1s`,
    codes: ['-1'],
  },
  {
    id: 'invalid-openid',
    lang: 'en',
    style: 'chat',
    text: `Anyone seen this? Sending to a user from our other appid:
{"errcode":40003,"errmsg":"invalid openid rid: 6653d4e5-6f7a8b9c-0d1e2f3a"}
It worked yesterday at 10:30`,
    codes: ['40003'],
  },
  {
    id: 'third-party',
    lang: 'en',
    style: 'json',
    text: `{
  "errcode": 61003,
  "errmsg": "component is not authorized by this account rid: 6654e5f6-7a8b9c0d-1e2f3a4b"
}`,
    codes: ['61003'],
  },
  {
    id: 'zh-token',
    lang: 'zh',
    style: 'chat',
    text: `线上报错了，获取用户信息返回：
{"errcode":40001,"errmsg":"invalid credential rid: 6655f6a7-8b9c0d1e-2f3a4b5c"}
昨天 23:15 还是好的`,
    codes: ['40001'],
  },
  {
    id: 'zh-whitelist',
    lang: 'zh',
    style: 'terminal',
    text: `【定时任务】刷新 access_token 失败，服务器 10.0.3.17
错误码：40164，错误信息：invalid ip 121.40.12.8 ipv6 ::ffff:121.40.12.8, not in whitelist
请到公众平台 → 开发 → 基本配置 添加 IP 白名单`,
    codes: ['40164'],
  },
  {
    id: 'zh-devtools',
    lang: 'zh',
    style: 'devtools',
    text: `获取手机号失败 {errMsg: "getPhoneNumber:fail no permission", errno: 1400001}
基础库 3.3.4，微信 8.0.47
index.js:88 请检查小程序是否已认证`,
    codes: ['1400001'],
  },
  {
    id: 'zh-subscribe',
    lang: 'zh',
    style: 'chat',
    text: `订阅消息发不出去，接口返回
errcode: 43101, errmsg: user refuse to accept the msg
用户明明点了允许啊，一共 3 个模板`,
    codes: ['43101'],
  },
  {
    id: 'zh-cloud',
    lang: 'zh',
    style: 'terminal',
    text: `云函数调用失败：errCode: -404011 cloud function execution error
请求 ID：4f8d2c1a-77b3-4e0c-9a5f-1e2d3c4b5a69，耗时 1205ms
错误码 -504002 函数执行失败`,
    codes: ['-404011', '-504002'],
  },
  {
    id: 'zh-quota',
    lang: 'zh',
    style: 'json',
    text: `// 生成小程序码返回
{
  "errcode": 45009,
  "errmsg": "reach max api daily quota limit rid: 6656a7b8-9c0d1e2f-3a4b5c6d"
}`,
    codes: ['45009'],
  },
  {
    id: 'zh-request',
    lang: 'zh',
    style: 'devtools',
    text: `上传图片失败 {errMsg: "uploadFile:fail 域名不在合法域名列表中", errno: 600002}
文件大小 204800 字节，耗时 35ms
upload.js:61 已提示用户重试`,
    codes: ['600002'],
  },
  {
    id: 'zh-audit',
    lang: 'zh',
    style: 'chat',
    text: `提交审核一直失败
{"errcode":85009,"errmsg":"already has audit version, can not commit rid: 6657b8c9-0d1e2f3a-4b5c6d7e"}
版本号 1.2.3，是不是要先撤回？`,
    codes: ['85009'],
  },
  {
    id: 'zh-template',
    lang: 'zh',
    style: 'json',
    text: `{
  "errcode": 40037,
  "errmsg": "invalid template_id rid: 6658c9d0-1e2f3a4b-5c6d7e8f"
}
// 模板 ID 从后台复制的，长度 43 位`,
    codes: ['40037'],
  },
  {
    id: 'zh-code-used',
    lang: 'zh',
    style: 'terminal',
    text: `[登录] code2Session 返回 errcode=40163 errmsg="code been used, rid: 6659d0e1-2f3a4b5c-6d7e8f9a"
[登录] 用户 10086 第 2 次尝试，间隔 500ms`,
    codes: ['40163'],
  },
  {
    id: 'zh-risky',
    lang: 'zh',
    style: 'chat',
    text: `评论审核接口报
errcode: 87014
errmsg: risky content
内容就一句"你好"，为什么？`,
    codes: ['87014'],
  },
  {
    id: 'zh-token-expired',
    lang: 'zh',
    style: 'devtools',
    text: `[后台] 发送客服消息失败 errcode: 42001, errmsg: access_token expired
token 缓存时间 7200 秒，上次刷新 08:00:01
service.js:30 将重新获取 access_token`,
    codes: ['42001'],
  },
  {
    id: 'zh-two',
    lang: 'zh',
    style: 'terminal',
    text: `批量发送结果：成功 98 条，失败 2 条
失败 1：{"errcode":43004,"errmsg":"require subscribe rid: 665ae1f2-3a4b5c6d-7e8f9a0b"}
失败 2：{"errcode":45047,"errmsg":"out of response count limit rid: 665ae1f3-4b5c6d7e-8f9a0b1c"}`,
    codes: ['43004', '45047'],
  },
  {
    id: 'zh-plugin',
    lang: 'zh',
    style: 'json',
    text: `{
  "errcode": 89236,
  "errmsg": "该插件不能申请 rid: 665bf2a3-5c6d7e8f-9a0b1c2d"
}`,
    codes: ['89236'],
  },
  {
    id: 'zh-sys',
    lang: 'zh',
    style: 'chat',
    text: `服务端日志
{"errcode":-1,"errmsg":"system error"}
偶发的，一天大概 5 次`,
    codes: ['-1'],
  },
  {
    id: 'zh-scene',
    lang: 'zh',
    style: 'devtools',
    text: `生成小程序码失败 {"errcode":41030,"errmsg":"invalid page rid: 665c03b4-6d7e8f9a-0b1c2d3e"}
page=pages/goods/detail scene=id%3D2048
qrcode.js:17 页面路径不存在或未发布`,
    codes: ['41030'],
  },
];
