import { REGIONS } from '../geo/regions.js';
import { LANGS } from '../i18n/index.js';
import { ROLES } from '../auth/policy.js';
import type { App } from './context.js';

/** Reference data the SPA and API clients need: regions, roles, languages. */
export async function referenceRoutes(app: App): Promise<void> {
  app.get('/api/reference', { config: { auth: 'public' }, schema: { tags: ['reference'], summary: 'Regions (ISO 3166-2:KZ), roles and languages' } }, async () => ({
    regions: REGIONS, roles: ROLES, languages: LANGS,
  }));
}
