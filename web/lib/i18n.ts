// The pages' words in the newsroom's language (Simplified Chinese) and in English; the reader's choice is kept.

export type Lang = 'zh' | 'en';

const zh = {
  brand: '数据变化',
  brandTagline: '新闻稿中的数字，变化一目了然',
  navLatest: '最新变化',
  navDesk: '编辑台',
  navSubscribe: '订阅',
  skipToContent: '跳到正文',
  mainNavigation: '主导航',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  loading: '加载中…',
  loadFailed: '加载失败：{message}',
  retry: '重试',

  typeAdded: '新增',
  typeChanged: '变化',
  typeRevised: '修订',
  typeBackfilled: '回补',
  qualifierExact: '',
  qualifierApprox: '约',
  qualifierOver: '超',
  qualifierUnder: '不到',
  asOf: '截至 {date}',
  previously: '此前 {value}（截至 {date}）',
  firstValue: '首次记录',
  noEarlierValue: '此前没有更早的记录',
  fromBrief: '来源稿件 {id}',
  briefRevision: '第 {n} 版',
  pointsUnit: '个百分点',
  upward: '上升',
  downward: '下降',

  latestTitle: '最新变化',
  latestLead: '各地新闻稿中数字的新增、变化、修订与回补，最新的在前。',
  filterRegion: '地区',
  filterType: '类型',
  filterMetric: '搜索指标',
  filterMetricPlaceholder: '例如 失业率',
  filterAll: '全部',
  feedsLabel: '订阅源',
  noChanges: '没有符合条件的变化。',
  changesCount: '{n} 条变化',

  metricTitleFallback: '指标',
  metricLatest: '最新值',
  metricKey: '指标键',
  metricHistory: '历史（按截至日期）',
  metricChartLabel: '{label} 按截至日期的历史走势图',
  legendValue: '数值',
  legendRevised: '修订值',
  legendSuperseded: '被修订的旧值',
  legendBackfilled: '回补值',
  observations: '观测记录',
  colAsOf: '截至日期',
  colValue: '数值',
  colAsWritten: '原文',
  colChange: '变化',
  colPublished: '发布',
  colBrief: '稿件',
  subscribeMetric: '邮件订阅此指标',
  metricNotFound: '没有这个指标。',

  briefTitle: '稿件',
  briefNotFound: '找不到这篇稿件。',

  subscribeTitle: '邮件订阅',
  subscribeLead: '选择关心的地区、指标和变化类型，有符合条件的变化时我们发邮件给您。',
  email: '电子邮箱',
  regions: '地区',
  regionsHint: '不选则包含全部地区。',
  metrics: '指标',
  metricsHint: '不选则包含全部指标。',
  metricsSearch: '筛选指标',
  types: '变化类型',
  typesHint: '不选则包含全部类型。',
  minChange: '最小变化幅度（%）',
  minChangeHint: '只在数值变化的绝对百分比不低于此值时通知；新增指标没有变化幅度，设置后将不再收到新增。',
  delivery: '发送方式',
  deliveryEach: '每个变化一封邮件',
  deliveryDigest: '每篇稿件一封汇总邮件',
  subscribeButton: '订阅',
  subscribing: '正在提交…',
  subscribedTitle: '确认邮件已发出',
  subscribedBody: '确认邮件正发往 {email}。请打开邮件中的链接确认订阅，确认后才会开始发送。',
  subscribeAnother: '再订阅一个',
  howTitle: '订阅如何生效',
  howChoose: '选择地区、指标和变化类型；都不选即接收全部变化。',
  howConfirm: '我们发出一封确认邮件，点击其中的链接后订阅才生效。',
  howLeave: '每封邮件都附有退订链接，随时可以退订。',

  signInTitle: '编辑登录',
  signInLead:
    '请输入编辑令牌（沙箱启动时打印，也保存在 .sandbox/editor-token）。令牌只保存在本标签页，关闭即失效。',
  signInSubscribeLead: '目前创建订阅需要编辑令牌。',
  tokenLabel: '编辑令牌',
  signInCognitoLead: '用编辑账号登录（需要多因素验证）。登录凭据只保存在本标签页，关闭即失效。',
  signInCognito: '用编辑账号登录',
  signInUnavailable: '此站点地址未登记为登录回调地址，请从登记的地址打开编辑台。',
  signInFailed: '登录未完成：{message}',
  signIn: '登录',
  signOut: '退出',
  tokenRejected: '令牌无效，请重新输入。',

  deskTitle: '编辑台',
  deskLead: '边写边看：稿件中的每个数字都会被识别并标出，下方列出发布后将产生的变化。',
  briefId: '稿件编号',
  briefIdHint: '同一编号再次发布即为新版本。',
  headline: '标题',
  body: '正文',
  date: '发布日期',
  region: '地区',
  source: '来源',
  newBrief: '新稿件',
  publish: '发布',
  publishing: '正在发布…',
  publishedCreated: '已发布：新稿件 {id}（第 1 版）。',
  publishedRevision: '已发布：{id} 的第 {n} 版。',
  publishedUnchanged: '内容与已发布的第 {n} 版相同，没有改动。',
  previewTitle: '预览',
  previewEmpty: '输入标题和正文后，这里会标出识别到的数字。',
  previewUpdating: '正在更新预览…',
  figuresFound: '识别出 {n} 个数字',
  figureValue: '数值',
  figureQualifier: '限定',
  figureLabel: '指标名',
  figureMetric: '指标键',
  figureWarnings: '提示',
  qualifierNone: '精确',
  impactTitle: '发布后将产生的变化',
  impactNone: '这篇稿件不会改变任何指标。',
  recentTitle: '我最近发布的稿件',
  recentEmpty: '在此浏览器发布的稿件会列在这里。',
  recentOpen: '打开编辑',
  recentMissing: '{id}：找不到这篇稿件。',
  olderRevisions: '较早的版本：',
  openRevision: '打开第 {n} 版',
  editingLatest: '正在修改 {id} 的第 {n} 版（最新）：发布后成为新的一版。',
  editingOlder: '正在以 {id} 的第 {n} 版为底稿修改（最新为第 {latest} 版）：发布后成为新的一版。',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  brand: 'Figure changes',
  brandTagline: 'Every figure in the news, and how it moved',
  navLatest: 'Latest',
  navDesk: 'Desk',
  navSubscribe: 'Subscribe',
  skipToContent: 'Skip to content',
  mainNavigation: 'Main',
  switchLanguage: '中文',
  switchLanguageLabel: '切换到中文',
  loading: 'Loading…',
  loadFailed: 'Could not load: {message}',
  retry: 'Retry',

  typeAdded: 'New',
  typeChanged: 'Changed',
  typeRevised: 'Revised',
  typeBackfilled: 'Backfilled',
  qualifierExact: '',
  qualifierApprox: 'about',
  qualifierOver: 'over',
  qualifierUnder: 'under',
  asOf: 'as of {date}',
  previously: 'was {value} (as of {date})',
  firstValue: 'first value',
  noEarlierValue: 'no earlier value',
  fromBrief: 'brief {id}',
  briefRevision: 'revision {n}',
  pointsUnit: 'pts',
  upward: 'up',
  downward: 'down',

  latestTitle: 'Latest changes',
  latestLead: 'Figures in the briefs as they are added, change, are revised or backfilled; newest first.',
  filterRegion: 'Region',
  filterType: 'Type',
  filterMetric: 'Search metrics',
  filterMetricPlaceholder: 'e.g. unemployment',
  filterAll: 'All',
  feedsLabel: 'Feeds',
  noChanges: 'No changes match.',
  changesCount: '{n} changes',

  metricTitleFallback: 'Metric',
  metricLatest: 'Latest value',
  metricKey: 'Metric key',
  metricHistory: 'History by as-of date',
  metricChartLabel: 'Chart of {label} by as-of date',
  legendValue: 'Value',
  legendRevised: 'Revision',
  legendSuperseded: 'Revised away',
  legendBackfilled: 'Backfill',
  observations: 'Observations',
  colAsOf: 'As of',
  colValue: 'Value',
  colAsWritten: 'As written',
  colChange: 'Change',
  colPublished: 'Published',
  colBrief: 'Brief',
  subscribeMetric: 'Subscribe to this metric by email',
  metricNotFound: 'There is no such metric.',

  briefTitle: 'Brief',
  briefNotFound: 'There is no such brief.',

  subscribeTitle: 'Email subscription',
  subscribeLead: 'Pick the regions, metrics and kinds of change you follow; we email you when one happens.',
  email: 'Email address',
  regions: 'Regions',
  regionsHint: 'None selected means every region.',
  metrics: 'Metrics',
  metricsHint: 'None selected means every metric.',
  metricsSearch: 'Filter metrics',
  types: 'Kinds of change',
  typesHint: 'None selected means every kind.',
  minChange: 'Minimum change (%)',
  minChangeHint:
    'Only changes of at least this absolute percentage; new metrics have no change percentage, so they are left out once this is set.',
  delivery: 'Delivery',
  deliveryEach: 'One email per change',
  deliveryDigest: 'One digest per brief',
  subscribeButton: 'Subscribe',
  subscribing: 'Sending…',
  subscribedTitle: 'Confirmation email sent',
  subscribedBody:
    'A confirmation email is on its way to {email}. Open its link to confirm; nothing is sent before that.',
  subscribeAnother: 'Subscribe again',
  howTitle: 'How it works',
  howChoose: 'Choose regions, metrics and kinds of change; choose none to get every change.',
  howConfirm: 'We send a confirmation email; the subscription starts once you open its link.',
  howLeave: 'Every email carries an unsubscribe link.',

  signInTitle: 'Editor sign-in',
  signInLead:
    'Enter the editors’ token (the sandbox prints it at start and keeps it in .sandbox/editor-token). It is kept in this tab only.',
  signInSubscribeLead: 'Creating a subscription needs the editors’ token for now.',
  tokenLabel: 'Editors’ token',
  signInCognitoLead:
    'Sign in with your editor account (multi-factor). The credential is kept in this tab only.',
  signInCognito: 'Sign in with your editor account',
  signInUnavailable:
    'This address is not a registered sign-in callback; open the desk at its registered address.',
  signInFailed: 'Sign-in did not complete: {message}',
  signIn: 'Sign in',
  signOut: 'Sign out',
  tokenRejected: 'The token was not accepted; enter it again.',

  deskTitle: 'Desk',
  deskLead:
    'Write and see: every figure in the brief is found and marked, and below are the changes it will cause.',
  briefId: 'Brief id',
  briefIdHint: 'Publishing the same id again makes a new revision.',
  headline: 'Headline',
  body: 'Body',
  date: 'Publication date',
  region: 'Region',
  source: 'Source',
  newBrief: 'New brief',
  publish: 'Publish',
  publishing: 'Publishing…',
  publishedCreated: 'Published: new brief {id} (revision 1).',
  publishedRevision: 'Published: revision {n} of {id}.',
  publishedUnchanged: 'Same content as the published revision {n}; nothing changed.',
  previewTitle: 'Preview',
  previewEmpty: 'Type a headline and a body; the figures found will be marked here.',
  previewUpdating: 'Updating the preview…',
  figuresFound: '{n} figures found',
  figureValue: 'Value',
  figureQualifier: 'Qualifier',
  figureLabel: 'Label',
  figureMetric: 'Metric',
  figureWarnings: 'Warnings',
  qualifierNone: 'exact',
  impactTitle: 'Changes it will cause',
  impactNone: 'This brief changes no metric.',
  recentTitle: 'My recent briefs',
  recentEmpty: 'Briefs published from this browser are listed here.',
  recentOpen: 'Open',
  recentMissing: '{id}: this brief was not found.',
  olderRevisions: 'Earlier revisions:',
  openRevision: 'Open revision {n}',
  editingLatest: 'Editing revision {n} (the latest) of {id}: publishing makes a new revision.',
  editingOlder:
    'Editing from revision {n} of {id} (the latest is {latest}): publishing makes a new revision.',
};

const messages: Record<Lang, Record<MessageKey, string>> = { zh, en };
const storageKey = 'updates-feed.lang';

function stored(): Lang {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh';
  } catch {
    // Storage can be disabled; the newsroom's language is the default.
    return 'zh';
  }
}

let current: Lang = stored();

export function lang(): Lang {
  return current;
}

/** BCP 47 tag for Intl and for the document's `lang`, which screen readers and font fallback follow. */
export function locale(of: Lang = current): string {
  return of === 'zh' ? 'zh-Hans-CN' : 'en';
}

export function setLang(next: Lang): void {
  current = next;
  document.documentElement.lang = next === 'zh' ? 'zh-Hans' : 'en';
  try {
    localStorage.setItem(storageKey, next);
  } catch {
    // Not remembered, but switched for this page.
  }
}

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return messages[current][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
