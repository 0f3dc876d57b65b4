/** Messages of sign-in, roles and the users admin tab; composed into shell/i18n/zh-CN.ts. */
const authZhCN = {
  role: { admin: '系统管理员', commander: '指挥长', duty_officer: '值班员', field: '现场队伍', wall: '指挥大屏' },
  login: {
    title: '登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    submitting: '登录中…',
    ended: {
      revoked: '会话已被管理员撤销，请重新登录',
      expired: '会话已过期，请重新登录',
      disabled: '账号已停用',
      logout: '已退出登录',
      unauthenticated: '登录已失效，请重新登录',
    },
  },
  admin: {
    users: {
      username: '用户名',
      displayName: '姓名',
      role: '角色',
      team: '所属队伍',
      password: '初始密码',
      passwordHint: '至少 10 个字符，不能用常见密码',
      disabled: '已停用',
      active: '正常',
      disable: '停用',
      enable: '启用',
      resetPassword: '重置密码',
      newPassword: '新密码',
      passwordReset: '密码已重置',
      sessions: '会话',
      noSessions: '无有效会话',
      createdAt: '创建时间',
      expiresAt: '过期时间',
      userAgent: '客户端',
      revoke: '撤销',
      create: '新建用户',
    },
  },
};

export default authZhCN;
