import type { WebModule } from '../../modules.js';
import en from './i18n/en.json' with { type: 'json' };
import kk from './i18n/kk.json' with { type: 'json' };
import ru from './i18n/ru.json' with { type: 'json' };
import { NotificationBell } from './components/NotificationBell.js';
import { CadcaPage } from './pages/CadcaPage.js';
import { DashboardPage } from './pages/DashboardPage.js';
import { ItemPage } from './pages/ItemPage.js';
import { NotificationsPage } from './pages/NotificationsPage.js';
import { PlanPage } from './pages/PlanPage.js';
import { PlansPage } from './pages/PlansPage.js';
import { QueuePage } from './pages/QueuePage.js';
import './plan.css';

/**
 * Execution control of the Comprehensive Plan and regional HQ plans: plan tree, items with
 * reports, the secretariat queue, CADCA view of regional plans, dashboard, notifications.
 * Fixed paths come before `/plan/:id` because the first matching route wins.
 */
const plan: WebModule = {
  name: 'plan',
  order: 10,
  nav: [{ to: '/plan', label: 'plan.nav', permission: 'plan.read', section: '/plan' }],
  routes: [
    { path: '/plan', component: PlansPage, permission: 'plan.read' },
    { path: '/plan/dashboard', component: DashboardPage, permission: 'plan.read' },
    { path: '/plan/queue', component: QueuePage, permission: 'plan.accept' },
    { path: '/plan/notifications', component: NotificationsPage, permission: 'plan.read' },
    { path: '/plan/items/:id', component: ItemPage, permission: 'plan.read' },
    { path: '/plan/:id/cadca', component: CadcaPage, permission: 'plan.read' },
    { path: '/plan/:id', component: PlanPage, permission: 'plan.read' },
  ],
  header: NotificationBell,
  i18n: { en, kk, ru },
};

export default plan;
