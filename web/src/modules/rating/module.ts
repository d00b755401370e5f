import type { WebModule } from '../../modules.js';
import en from './i18n/en.json' with { type: 'json' };
import kk from './i18n/kk.json' with { type: 'json' };
import ru from './i18n/ru.json' with { type: 'json' };
import { LazyMethodologyEditorPage } from './pages/LazyEditor.js';
import { MethodologyListPage } from './pages/MethodologyListPage.js';
import { MethodologyPage } from './pages/MethodologyPage.js';
import { RatingListPage } from './pages/RatingListPage.js';
import { RatingNewPage } from './pages/RatingNewPage.js';
import { RatingPage } from './pages/RatingPage.js';
import './rating.css';

/**
 * Akimat rating: methodology versions, ratings per period (draft → approved → published) with
 * contributions, rank change, Monte Carlo intervals and reports. Static paths come before
 * `/rating/:id` because the first matching route wins.
 */
const rating: WebModule = {
  name: 'rating',
  order: 30,
  nav: [{ to: '/rating', label: 'rating.nav', permission: 'rating.read', section: '/rating' }],
  routes: [
    { path: '/rating', component: RatingListPage, permission: 'rating.read' },
    { path: '/rating/new', component: RatingNewPage, permission: 'rating.compute' },
    { path: '/rating/methodologies', component: MethodologyListPage, permission: 'rating.read' },
    { path: '/rating/methodologies/new', component: LazyMethodologyEditorPage, permission: 'rating.compute' },
    { path: '/rating/methodologies/:id', component: MethodologyPage, permission: 'rating.read' },
    { path: '/rating/methodologies/:id/edit', component: LazyMethodologyEditorPage, permission: 'rating.compute' },
    { path: '/rating/:id', component: RatingPage, permission: 'rating.read' },
  ],
  i18n: { en, kk, ru },
};

export default rating;
