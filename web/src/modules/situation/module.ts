import { createElement, lazy, Suspense } from 'react';
import type { WebModule } from '../../modules.js';
import type { PageProps } from '../../routes.js';
import { Loading } from '../../components/ErrorMessage.js';
import en from './i18n/en.json' with { type: 'json' };
import kk from './i18n/kk.json' with { type: 'json' };
import ru from './i18n/ru.json' with { type: 'json' };
import { CataloguePage } from './pages/CataloguePage.js';
import { EntryPage } from './pages/EntryPage.js';
import { ImportPage } from './pages/ImportPage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import './situation.css';

// The dashboard pulls in echarts; loading it on first visit keeps the shell's first load small.
const Dashboard = lazy(() => import('./pages/DashboardPage.js'));
function DashboardRoute(_props: PageProps) {
  return createElement(Suspense, { fallback: createElement(Loading) }, createElement(Dashboard));
}

/**
 * Drug-situation monitoring: indicator catalogue, data entry and import for regional HQs,
 * national review, and dashboards (map, comparison, trend, anomalies) in kk/ru/en.
 */
const situation: WebModule = {
  name: 'situation',
  order: 20,
  nav: [{ to: '/situation', label: 'situation.nav', permission: 'situation.read', section: '/situation' }],
  routes: [
    { path: '/situation', component: DashboardRoute, permission: 'situation.read' },
    { path: '/situation/catalogue', component: CataloguePage, permission: 'situation.read' },
    { path: '/situation/entry', component: EntryPage, permission: 'situation.submit' },
    { path: '/situation/import', component: ImportPage, permission: 'situation.submit' },
    { path: '/situation/review', component: ReviewPage, permission: 'situation.accept' },
  ],
  i18n: { en, kk, ru },
};

export default situation;
