// A small domain thesaurus: words developers type for the same idea, in English and Chinese. A word may
// belong to several ideas (超时 is both "expired" and "timeout"). English words are matched as whole words
// (after stemming), Chinese words as substrings of a Han run. Ideas only: no code or entry is named here.
import { stem } from './text';

const GROUPS: readonly string[] = [
  'expire: expired expire expiry expiration outdated 过期 失效 超时 到期 过时 已过期 有效期',
  'timeout: timeout timed 超时 响应超时 未响应',
  'whitelist: whitelist allowlist 白名单',
  'blacklist: blacklist blocklist 黑名单',
  'ip: ip clientip ipv4 ipv6',
  'freq: freq frequency frequent frequently frequence often qps rate slower 频繁 频率 太快 频次 限频 过快 太频繁',
  'minute: minute 每分钟 分钟',
  'day: daily day today 今天 每天 当天 每日 今日 一天',
  'month: month monthly 本月 每月 每个月',
  'quota: quota 次数 额度 配额 限额 调用量',
  'exceed: exceed exceeded reach reached over 超过 超出 用完 用尽 耗尽 达到 超限 已满 不足',
  'limit: limit limited 上限 限制 限额',
  'credential: credential token 凭证 令牌',
  'login: login logon relogin 登录 登陆',
  'auth: unauthorized unauthorised authorize authorized authorization auth permission 权限 授权 未授权 无权限 没有权限',
  'invalid: invalid illegal unlawful wrong incorrect invaild 不合法 非法 无效 不正确 有误 不对 填错 写错 输错 弄错 搞错',
  'error: error err fail failed failure exception 错误 失败 异常 出错 报错 发不出 发不了 发送不了',
  'missing: missing empty lack 缺少 缺失 为空 空的 没有',
  'exist: exist existed existd 存在',
  'found: found 找到 查到',
  'busy: busy 繁忙 系统繁忙 稍候再试 稍后再试 稍后重试',
  'system: system sys 系统',
  'require: require required need must 需要 必须',
  'method: method 方法 请求方式',
  'refuse: refuse refused reject rejected deny denied decline 拒绝 拒收',
  'subscribe: subscribe subscribed follow 关注 订阅',
  'message: msg message 消息',
  'template: template tmpl 模板 模版',
  'signature: signature sign 签名 验签',
  'domain: domain 域名',
  'url: url link 链接 网址',
  'secret: appsecret secret 密钥',
  'appid: appid',
  'user: user 用户',
  'media: media material 媒体 素材',
  'file: file 文件',
  'size: size 大小 尺寸',
  'length: length 长度',
  'big: big large huge 过大 太大',
  'count: count num number 数量 个数',
  'data: data 数据',
  'format: format 格式',
  'parse: parse 解析',
  'cloud: cloud 云开发',
  'function: function 函数 云函数',
  'database: database 数据库',
  'collection: collection 集合',
  'network: network 网络',
  'request: request req 请求',
  'call: call invoke 调用',
  'api: api interface 接口',
  'block: block blocked ban banned forbid forbidden 封禁 冻结 禁止 拦截 被封',
  'phone: phone mobile telephone 手机 手机号 电话',
  'password: password passwd 密码',
  'used: used consumed 已使用 使用过 用过 已被使用',
  'audit: audit auditing review 审核 提审',
  'version: version 版本',
  'bind: bind bound binding 绑定',
  'undo: undo revoke withdraw 撤回',
  'cancel: cancel 取消 撤销',
  'account: account acct 账号 帐号 账户',
  'arrears: arrears overdue unpaid 欠费',
  'pay: pay payment 支付 付款',
  'order: order 订单',
  'concurrent: concurrent concurrency 并发',
  'max: max maximum 最大 最多',
  'redirect: redirect 重定向',
  'task: task 任务',
  'connect: connect connection 连接',
  'verify: verify verification 验证 校验',
  'realname: realname 实名',
  'nickname: nickname 昵称',
  'avatar: avatar headimg 头像',
  'category: category 类目',
  'plugin: plugin 插件',
  'component: component 第三方平台',
  'session: session 会话',
  'env: env environment 环境',
  'storage: storage 存储',
  'upload: upload 上传',
  'download: download 下载',
  'image: image img pic picture photo 图片',
  'video: video 视频',
  'live: live 直播',
  'menu: menu 菜单',
  'page: page path 页面 路径',
  'param: param parameter argument arg argv 参数',
  'support: support supported 支持',
  'wifi: wifi 无线',
  'bluetooth: bluetooth ble 蓝牙',
  'location: location 位置 定位',
  'camera: camera 相机 摄像头',
  'privacy: privacy 隐私',
  'gateway: gateway 网关',
  'success: ok success 成功',
  'unknown: unknown 未知',
  'internal: internal 内部',
  'shop: shop store 小店 店铺',
  'channels: channels finder 视频号',
  'mp: mp 公众号',
  'miniprogram: miniprogram weapp wxa 小程序',
  'wechat: wechat weixin 微信',
  'register: register registered 注册',
  'delete: delete remove 删除 移除',
  'modify: modify change update 修改 更改 变更',
  'send: send push 发送 推送 发不出 发不了 发送不了',
  'receive: receive accept 接收 接受',
  'deregister: deregister logoff 注销',
  'code: code 授权码',
];

/** Concept keys ("@expire") for one English word (stemmed) or Chinese word. */
export const CONCEPTS: ReadonlyMap<string, readonly string[]> = buildConcepts();

/** Chinese thesaurus words by first character, longest first, for scanning Han runs. */
export const ZH_WORDS_BY_FIRST: ReadonlyMap<string, readonly string[]> = buildZhWords();

function buildConcepts(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of GROUPS) {
    const [name, words] = line.split(':');
    for (const raw of words.trim().split(/\s+/)) {
      const word = /^[a-z0-9_]+$/.test(raw) ? stem(raw) : raw;
      const list = map.get(word);
      if (list) list.push('@' + name);
      else map.set(word, ['@' + name]);
    }
  }
  return map;
}

function buildZhWords(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  CONCEPTS.forEach((_, word) => {
    if (!/[\u3400-\u9fff]/.test(word[0]) || word.length < 2) return;
    const list = map.get(word[0]);
    if (list) list.push(word);
    else map.set(word[0], [word]);
  });
  map.forEach((list) => list.sort((a, b) => b.length - a.length));
  return map;
}
