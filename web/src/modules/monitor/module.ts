import type { WebModule } from '../../modules.js';
import en from './i18n/en.json' with { type: 'json' };
import kk from './i18n/kk.json' with { type: 'json' };
import ru from './i18n/ru.json' with { type: 'json' };
import { ImportPage } from './pages/ImportPage.js';
import { ItemPage } from './pages/ItemPage.js';
import { ItemsListPage } from './pages/ItemsListPage.js';
import { ReviewAgreementPage } from './pages/ReviewAgreementPage.js';
import { ReviewQueuePage } from './pages/ReviewQueuePage.js';
import { ShopPage } from './pages/ShopPage.js';
import { ShopsListPage } from './pages/ShopsListPage.js';
import { AlertsPage } from './pages/AlertsPage.js';
import { RecheckPage } from './pages/RecheckPage.js';
import { RechecksListPage } from './pages/RechecksListPage.js';
import { RequestPage } from './pages/RequestPage.js';
import { RequestPolicyPage } from './pages/RequestPolicyPage.js';
import { RequestsListPage } from './pages/RequestsListPage.js';
import { StatsPage } from './pages/StatsPage.js';
import './monitor.css';

/**
 * Cyber-supervision: monitored items with detector labels and evidence, file imports and
 * manual submissions. `/monitor/import` comes before `/monitor/items/:id` (first match wins).
 */
const monitor: WebModule = {
  name: 'monitor',
  order: 10,
  nav: [
    { to: '/monitor', label: 'monitor.nav', permission: 'monitor.read', section: '/monitor' },
    { to: '/monitor/review', label: 'monitor.review.nav', permission: 'monitor.review', section: '/monitor/review' },
    { to: '/monitor/shops', label: 'monitor.shops.nav', permission: 'monitor.read', section: '/monitor/shops' },
    { to: '/monitor/rechecks', label: 'monitor.rechecks.nav', permission: 'monitor.recheck.read', section: '/monitor/rechecks' },
    { to: '/monitor/alerts', label: 'monitor.alerts.nav', permission: 'monitor.alert.read', section: '/monitor/alerts' },
    { to: '/monitor/requests', label: 'monitor.requests.nav', permission: 'monitor.request.read', section: '/monitor/requests' },
    { to: '/monitor/stats', label: 'monitor.stats.nav', permission: 'monitor.stats', section: '/monitor/stats' },
  ],
  routes: [
    { path: '/monitor', component: ItemsListPage, permission: 'monitor.read' },
    { path: '/monitor/import', component: ImportPage, permission: 'monitor.ingest' },
    { path: '/monitor/items/:id', component: ItemPage, permission: 'monitor.read' },
    { path: '/monitor/review', component: ReviewQueuePage, permission: 'monitor.review' },
    { path: '/monitor/review/agreement', component: ReviewAgreementPage, permission: 'monitor.review' },
    { path: '/monitor/shops', component: ShopsListPage, permission: 'monitor.read' },
    { path: '/monitor/shops/:id', component: ShopPage, permission: 'monitor.read' },
    { path: '/monitor/rechecks', component: RechecksListPage, permission: 'monitor.recheck.read' },
    { path: '/monitor/rechecks/:id', component: RecheckPage, permission: 'monitor.recheck.read' },
    { path: '/monitor/alerts', component: AlertsPage, permission: 'monitor.alert.read' },
    { path: '/monitor/requests', component: RequestsListPage, permission: 'monitor.request.read' },
    { path: '/monitor/requests/policy', component: RequestPolicyPage, permission: 'monitor.request.policy' },
    { path: '/monitor/requests/:id', component: RequestPage, permission: 'monitor.request.read' },
    { path: '/monitor/stats', component: StatsPage, permission: 'monitor.stats' },
  ],
  i18n: { en, kk, ru },
};

export default monitor;
