import adminZhCN from '../../features/admin/messages/zh-CN';
import alarmsZhCN from '../../features/alarms/messages/zh-CN';
import authZhCN from '../../features/auth/messages/zh-CN';
import deskZhCN from '../../features/desk/messages/zh-CN';
import devicesZhCN from '../../features/devices/messages/zh-CN';
import dispatchesZhCN from '../../features/dispatches/messages/zh-CN';
import dutyZhCN from '../../features/duty/messages/zh-CN';
import gaugesZhCN from '../../features/gauges/messages/zh-CN';
import fieldZhCN from '../../features/field/messages/zh-CN';
import incidentsZhCN from '../../features/incidents/messages/zh-CN';
import mapZhCN from '../../features/map/messages/zh-CN';
import sheltersZhCN from '../../features/shelters/messages/zh-CN';
import suppliesZhCN from '../../features/supplies/messages/zh-CN';
import teamsZhCN from '../../features/teams/messages/zh-CN';
import reviewZhCN from '../../features/review/messages/zh-CN';
import typhoonZhCN from '../../features/typhoon/messages/zh-CN';
import warningsZhCN from '../../features/warnings/messages/zh-CN';
import responseZhCN from '../../features/response/messages/zh-CN';
import videoZhCN from '../../features/video/messages/zh-CN';
import wallZhCN from '../../features/wall/messages/zh-CN';
import versionsZhCN from '../versions/messages/zh-CN';

/** The source of truth for message keys; `en` must have the same shape. Avoid `@`, `|`, `{`, `}` in text. */
const zhCN = {
  app: { title: '象山县应急指挥 一张图', shortTitle: '象山县应急指挥 一张图', name: 'Tidewatch', county: '象山县' },
  nav: { desk: '指挥台', wall: '大屏', admin: '系统管理', field: '现场', logout: '退出登录', signedInAs: '{name}（{role}）' },
  lang: { label: '语言', 'zh-CN': '中文', en: 'English', short: { 'zh-CN': '中文', en: 'EN' } },
  common: {
    save: '保存',
    cancel: '取消',
    delete: '删除',
    edit: '编辑',
    create: '新建',
    close: '关闭',
    confirm: '确定',
    actions: '操作',
    loading: '加载中…',
    saved: '已保存',
    none: '无',
    all: '全部',
    yes: '是',
    no: '否',
    confirmDelete: '确定删除“{name}”？',
    // Punctuation that differs by language: Chinese full-width marks must not leak into English.
    labelled: '{label}：{value}',
    listJoin: '、',
    clauseJoin: '，',
    withUnit: '{name}（{unit}）',
    inParens: '（{text}）',
  },
  connection: {
    connecting: '连接中',
    online: '在线',
    offline: '离线',
    resyncing: '同步中',
    attempt: '第 {n} 次重连',
    offlineFor: '已离线 {age}',
    offlineHint: '数据可能不是最新',
  },
  age: { justNow: '刚刚', seconds: '{n} 秒前', minutes: '{n} 分钟前', hours: '{n} 小时前', days: '{n} 天前', never: '从未上报' },
  duration: { seconds: '{n} 秒', minutes: '{n} 分钟', hours: '{n} 小时', days: '{n} 天' },
  errors: {
    VALIDATION_FAILED: '请求内容无效',
    UNAUTHENTICATED: '请先登录',
    INVALID_CREDENTIALS: '用户名或密码错误',
    FORBIDDEN: '当前角色无权执行此操作',
    NOT_FOUND: '未找到',
    CONFLICT: '与当前状态冲突',
    INVALID_TRANSITION: '当前状态下不能进行此操作',
    INSUFFICIENT_STOCK: '库存不足，库存不能为负',
    VIDEO_UNAVAILABLE: '视频转发服务未运行',
    DRILL_NEEDS_CONFIRMATION: '正在进行真实响应：须输入确认文字并选定参演队伍和联系人，才能启动演练',
    STORE_UNAVAILABLE: '服务器暂时连不上数据库，本次未保存，请稍后再试（平板会自动重发）',
    PDF_UNAVAILABLE: '服务器未安装 Chromium，无法生成 PDF，请用浏览器打印本页',
    CAMERA_OFFLINE: '该摄像头当前没有画面',
    HTTPS_REQUIRED: '请用 HTTPS（https://…）打开本页：明文 HTTP 会在网络上暴露登录凭据',
    UNKNOWN_DEVICE: '设备未注册',
    WEAK_PASSWORD: '密码太容易被猜中：不能用常见密码，不能全是空格或同一个字符重复',
    LOGIN_THROTTLED: '登录失败次数过多，请稍后再试',
    WRITE_THROTTLED: '提交过于频繁，设备将稍后自动重发',
    RATE_LIMITED: '请求过于频繁，稍后自动重试',
    PAYLOAD_TOO_LARGE: '请求内容过大',
    CLIENT_OUTDATED: '本页面版本过旧，请刷新后继续',
    INTERNAL: '服务器出错，请稍后再试',
    NETWORK_ERROR: '网络错误，无法连接服务器',
    TIMEOUT: '请求超时',
    OFFLINE: '当前离线，请稍后再试',
    BAD_ANSWER: '服务器的应答格式与本页面不符，请刷新页面',
  },
  notFound: { title: '页面不存在', back: '返回首页' },
  ...adminZhCN,
  ...alarmsZhCN,
  ...authZhCN,
  ...deskZhCN,
  ...devicesZhCN,
  ...dispatchesZhCN,
  ...dutyZhCN,
  ...fieldZhCN,
  ...incidentsZhCN,
  ...mapZhCN,
  ...sheltersZhCN,
  ...suppliesZhCN,
  ...teamsZhCN,
  ...typhoonZhCN,
  ...warningsZhCN,
  ...responseZhCN,
  ...gaugesZhCN,
  ...reviewZhCN,
  ...videoZhCN,
  ...wallZhCN,
  ...versionsZhCN,
  // Namespaces that several features fill (keys predate the feature folders).
  admin: { ...adminZhCN.admin, ...authZhCN.admin, ...devicesZhCN.admin, ...teamsZhCN.admin },
  desk: { ...deskZhCN.desk, ...teamsZhCN.desk, ...wallZhCN.desk },
};

export default zhCN;
export type MessageSchema = typeof zhCN;
