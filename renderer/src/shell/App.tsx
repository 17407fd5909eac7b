import { useEffect, useState } from 'react';
import { prefetchForm } from '../editor/prefetch';
import { prefetchFirstPage } from './list/prefetch';
import { PrintView } from '../print/PrintView';
import { TemplatesProvider } from '../templates/TemplatesContext';
import { MainShell } from './MainShell';
import { formHash, parseRoute, SUMMARY_HASH, type Route } from './route';

const LAST_FORM = 'shenbao.lastForm';

export function App() {
  const [route, setRoute] = useState<Route>(() => {
    let r = parseRoute(window.location.hash);
    // The address decides: only a bare start (no form, not 汇总) reopens the last form.
    if (r.view === 'main' && r.formId === null && !r.summary) {
      const last = Number(localStorage.getItem(LAST_FORM));
      if (last > 0) r = { view: 'main', formId: last };
    }
    // The form opened at start, and the list's first page, are read while the templates are (see editor/prefetch.ts).
    if (r.view === 'main' && r.formId !== null) prefetchForm(r.formId);
    if (r.view === 'main') prefetchFirstPage();
    return r;
  });

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  if (route.view === 'print')
    return (
      <TemplatesProvider>
        <PrintView formId={route.formId} />
      </TemplatesProvider>
    );

  const open = (id: number | null) => {
    if (id === null) localStorage.removeItem(LAST_FORM);
    else localStorage.setItem(LAST_FORM, String(id));
    window.history.replaceState(window.history.state, '', formHash(id));
    setRoute({ view: 'main', formId: id });
  };
  const showSummary = () => {
    window.history.replaceState(window.history.state, '', SUMMARY_HASH);
    setRoute({ view: 'main', formId: route.formId, summary: true });
  };
  return (
    <TemplatesProvider>
      <MainShell formId={route.formId} summary={route.summary === true} onOpen={open} onSummary={showSummary} />
    </TemplatesProvider>
  );
}
