import type { WebModule } from '../../modules.js';
import en from './i18n/en.json' with { type: 'json' };
import kk from './i18n/kk.json' with { type: 'json' };
import ru from './i18n/ru.json' with { type: 'json' };
import { AddressPage } from './pages/AddressPage.js';
import { ClusterPage } from './pages/ClusterPage.js';
import { DropperPage } from './pages/DropperPage.js';
import { DroppersPage } from './pages/DroppersPage.js';
import { FinanceHomePage } from './pages/FinanceHomePage.js';
import { TagsPage } from './pages/TagsPage.js';
import { TracePage } from './pages/TracePage.js';
import './finance.css';

/**
 * Crypto Trace: follow drug money from shop wallets to exchange exits (address, trace, cluster
 * pages with the graph view), attribution tags, and the dropper card/IBAN/phone registry.
 */
const finance: WebModule = {
  name: 'finance',
  order: 20,
  nav: [{ to: '/finance', label: 'finance.nav', permission: 'finance.read', section: '/finance' }],
  routes: [
    { path: '/finance', component: FinanceHomePage, permission: 'finance.read' },
    { path: '/finance/address/:chain/:address', component: AddressPage, permission: 'finance.read' },
    { path: '/finance/traces/:id', component: TracePage, permission: 'finance.read' },
    { path: '/finance/clusters/:id', component: ClusterPage, permission: 'finance.read' },
    { path: '/finance/tags', component: TagsPage, permission: 'finance.tag.read' },
    { path: '/finance/droppers', component: DroppersPage, permission: 'finance.dropper.read' },
    { path: '/finance/droppers/:id', component: DropperPage, permission: 'finance.dropper.read' },
  ],
  i18n: { en, kk, ru },
};

export default finance;
