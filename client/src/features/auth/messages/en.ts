import type authZhCN from './zh-CN';

/** English messages of sign-in, roles and the users admin tab; same shape as ./zh-CN.ts. */
const authEn: typeof authZhCN = {
  role: { admin: 'Administrator', commander: 'Commander', duty_officer: 'Duty officer', field: 'Field team', wall: 'Wall display' },
  login: {
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    ended: {
      revoked: 'Your session was revoked by an administrator. Please sign in again.',
      expired: 'Your session expired. Please sign in again.',
      disabled: 'Your account has been disabled.',
      logout: 'You have signed out.',
      unauthenticated: 'Your sign-in is no longer valid. Please sign in again.',
    },
  },
  admin: {
    users: {
      username: 'Username',
      displayName: 'Name',
      role: 'Role',
      team: 'Team',
      password: 'Initial password',
      passwordHint: 'at least 10 characters, not a common password',
      disabled: 'Disabled',
      active: 'Active',
      disable: 'Disable',
      enable: 'Enable',
      resetPassword: 'Reset password',
      newPassword: 'New password',
      passwordReset: 'Password reset',
      sessions: 'Sessions',
      noSessions: 'No active sessions',
      createdAt: 'Created',
      expiresAt: 'Expires',
      userAgent: 'Client',
      revoke: 'Revoke',
      create: 'New user',
    },
  },
};

export default authEn;
