import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Lang } from '../../../api.js';
import { ErrorMessage, Loading, StatusMessage } from '../../../components/ErrorMessage.js';
import { Checkbox, TextField } from '../../../components/forms.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApi } from '../../../lib/useApi.js';
import { Link } from '../../../router.js';
import { PolicyBanner, type Policy } from './RequestParts.js';

/** Admin page: the auto-approve policy per label (off by default; every change is audited). */
export function RequestPolicyPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const res = useApi(() => api.get<{ policies: Policy[] }>('/api/monitor/requests/policies'), []);
  const [draft, setDraft] = useState<Record<string, { enabled: boolean; minScore: string; autoSend: boolean }>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [banner, setBanner] = useState(0);
  useEffect(() => {
    if (res.data) setDraft(Object.fromEntries(res.data.policies.map((p) => [p.label, { enabled: p.enabled, minScore: String(p.minScore), autoSend: p.autoSend }])));
  }, [res.data]);
  if (res.error) return <><PageTitle title={t('monitor.requests.policy.title')}>{t('monitor.requests.policy.title')}</PageTitle><ErrorMessage error={res.error} /></>;
  if (!res.data) return <Loading />;
  const save = async (label: string) => {
    const d = draft[label]!;
    setError(null); setMessage(null);
    try {
      await api.put(`/api/monitor/requests/policies/${label}`, { enabled: d.enabled, minScore: Number(d.minScore), autoSend: d.autoSend });
      setMessage(t('monitor.requests.saved')); res.reload(); setBanner(banner + 1);
    } catch (e) { setError(e); }
  };
  return (
    <>
      <PageTitle title={t('monitor.requests.policy.title')}>{t('monitor.requests.policy.title')}</PageTitle>
      <p><Link to="/monitor/requests">← {t('monitor.requests.back')}</Link></p>
      <PolicyBanner key={banner} />
      <p className="muted">{t('monitor.requests.policy.help')}</p>
      <ErrorMessage error={error} />
      <StatusMessage text={message} />
      {res.data.policies.map((p) => {
        const d = draft[p.label];
        if (!d) return null;
        const set = (v: Partial<typeof d>) => setDraft({ ...draft, [p.label]: { ...d, ...v } });
        return (
          <section key={p.label} className="card form" aria-labelledby={`pol-${p.label}`} data-testid={`policy-${p.label}`}>
            <h2 id={`pol-${p.label}`}>{t(`monitor.label.${p.label}`)}</h2>
            <Checkbox label={t('monitor.requests.policy.enabled')} checked={d.enabled} onChecked={(v) => set({ enabled: v })} />
            <TextField label={t('monitor.requests.policy.minScore')} type="number" min={0.5} max={1} step={0.01} value={d.minScore} onValue={(v) => set({ minScore: v })} hint={t('monitor.requests.policy.minScoreHint')} />
            <Checkbox label={t('monitor.requests.policy.autoSend')} checked={d.autoSend} onChecked={(v) => set({ autoSend: v })} />
            <p className="muted">{p.updatedAt ? t('monitor.requests.policy.changed', { who: p.updatedByName, when: formatDateTime(p.updatedAt, lang) }) : t('monitor.requests.policy.never')}</p>
            <div className="actions"><button type="button" className="btn btn-primary" onClick={() => save(p.label)}>{t('common.save')}</button></div>
          </section>
        );
      })}
    </>
  );
}
