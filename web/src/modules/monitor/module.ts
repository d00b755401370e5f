import type { WebModule } from '../../modules.js';
import en from './i18n/en.json' with { type: 'json' };
import kk from './i18n/kk.json' with { type: 'json' };
import ru from './i18n/ru.json' with { type: 'json' };
import { ImportPage } from './pages/ImportPage.js';
import { ItemPage } from './pages/ItemPage.js';
import { ItemsListPage } from './pages/ItemsListPage.js';
import './monitor.css';

/**
 * Cyber-supervision: monitored items with detector labels and evidence, file imports and
 * manual submissions. `/monitor/import` comes before `/monitor/items/:id` (first match wins).
 */
const monitor: WebModule = {
  name: 'monitor',
  order: 10,
  nav: [{ to: '/monitor', label: 'monitor.nav', permission: 'monitor.read', section: '/monitor' }],
  routes: [
    { path: '/monitor', component: ItemsListPage, permission: 'monitor.read' },
    { path: '/monitor/import', component: ImportPage, permission: 'monitor.ingest' },
    { path: '/monitor/items/:id', component: ItemPage, permission: 'monitor.read' },
  ],
  i18n: { en, kk, ru },
};

export default monitor;
