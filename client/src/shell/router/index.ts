import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { Role } from '@shared/enums';
import { useSessionStore } from '../../features/auth/sessionStore';
import { mayEnter, ROUTE_ROLES } from './access';
import { showScreenLocale } from '../i18n';
import { localeScreenOf } from '../i18n/screenLocale';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    roles?: readonly Role[];
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', component: { render: () => null } },
  { path: '/login', name: 'login', component: () => import('../../features/auth/LoginView.vue'), meta: { public: true } },
  { path: '/wall', name: 'wall', component: () => import('../../features/wall/WallView.vue'), meta: { roles: ROUTE_ROLES.wall } },
  // One warning on a phone-sized page (a commander signing off from home); before /desk/:tab?, which it would not match anyway.
  { path: '/desk/warnings/:id', name: 'desk-warning', component: () => import('../../features/warnings/WarningSheetView.vue'), meta: { roles: ROUTE_ROLES.desk } },
  // The desk's open tab is the path, its selection and open form the query (desk/deskState.ts).
  { path: '/desk/:tab?', name: 'desk', component: () => import('../../features/desk/DeskView.vue'), meta: { roles: ROUTE_ROLES.desk } },
  { path: '/field', name: 'field', component: () => import('../../features/field/FieldView.vue'), meta: { roles: ROUTE_ROLES.field } },
  { path: '/review/report', name: 'review-report', component: () => import('../../features/review/ReportView.vue'), meta: { roles: ROUTE_ROLES.review } },
  { path: '/history/:kind/:id', name: 'history', component: () => import('../../features/review/HistoryView.vue'), meta: { roles: ROUTE_ROLES.review } },
  { path: '/admin', name: 'admin', component: () => import('../../features/admin/AdminView.vue'), meta: { roles: ROUTE_ROLES.admin } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('../components/NotFoundView.vue'), meta: { public: true } },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  const session = useSessionStore();
  if (to.name === 'login') return session.isLoggedIn && session.user ? session.homePath : true;
  if (to.meta.public) return true;
  if (!session.token) return { name: 'login', query: to.path === '/' ? {} : { redirect: to.fullPath } };
  try {
    await session.ensureUser();
  } catch {
    // Offline with a bare token: nothing to route by; login will say why.
    if (!session.user) return { name: 'login' };
  }
  if (!session.user) return { name: 'login' };
  if (to.path === '/') return session.homePath;
  if (!mayEnter(session.role, to.meta.roles)) return session.homePath;
  return true;
});

// Each screen (wall, desk, tablet, admin) opens in the language last chosen on it.
router.afterEach((to) => showScreenLocale(localeScreenOf(to.name)));
