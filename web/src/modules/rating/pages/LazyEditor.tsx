import { lazy, Suspense } from 'react';
import { Loading } from '../../../components/ErrorMessage.js';
import type { PageProps } from '../../../routes.js';

// The editor validates with the engine's zod schema in the browser; loading it on demand keeps
// zod out of the bundle every other page pays for.
const Editor = lazy(() => import('./MethodologyEditorPage.js').then((m) => ({ default: m.MethodologyEditorPage })));

/** Route component for the methodology editor, loaded on first use. */
export function LazyMethodologyEditorPage(props: PageProps) {
  return <Suspense fallback={<Loading />}><Editor {...props} /></Suspense>;
}
