import { useState, type FormEvent } from 'react';
import { queryString } from '../api.js';
import { navigate, useLocation } from '../router.js';

/**
 * The filters of a list page: applied values live in the URL query (shareable links, back and
 * forward work), the form edits a copy until it is submitted, and "more" grows the page count
 * (the list is re-read with limit = page size × pages, so it stays one consistent read).
 */
export function useListFilters<K extends string>(fields: readonly K[], path: string) {
  const { search } = useLocation();
  const current = Object.fromEntries(fields.map((f) => [f, search.get(f) ?? ''])) as Record<K, string>;
  const [form, setForm] = useState(current);
  const [pages, setPages] = useState(1);
  return {
    /** Applied filters (from the URL). */
    current,
    /** The form's values, not applied yet. */
    form,
    /** Setter for one form field, for `onValue` props. */
    set: (k: K) => (v: string) => setForm({ ...form, [k]: v }),
    /** Form submit: apply the form's values (URL replace) and go back to the first page. */
    submit: (e: FormEvent) => {
      e.preventDefault();
      setPages(1);
      navigate(path + queryString(form), { replace: true });
    },
    /** Clear the form and the applied filters. */
    reset: () => {
      setForm(Object.fromEntries(fields.map((f) => [f, ''])) as Record<K, string>);
      setPages(1);
      navigate(path, { replace: true });
    },
    pages,
    /** Show one page more. */
    more: () => setPages(pages + 1),
  };
}
