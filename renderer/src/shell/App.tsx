import { useEffect, useState } from 'react';
import { prefetchForm } from '../editor/prefetch';
import { PrintView } from '../print/PrintView';
import { TemplatesProvider } from '../templates/TemplatesContext';
import { MainShell } from './MainShell';
import { formHash, parseRoute, type Route } from './route';

const LAST_FORM = 'shenbao.lastForm';

export function App() {
  const [route, setRoute] = useState<Route>(() => {
    let r = parseRoute(window.location.hash);
    if (r.view === 'main' && r.formId === null) {
      const last = Number(localStorage.getItem(LAST_FORM));
      if (last > 0) r = { view: 'main', formId: last };
    }
    // The form opened at start is read while the templates are (see editor/prefetch.ts).
    if (r.view === 'main' && r.formId !== null) prefetchForm(r.formId);
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
  return (
    <TemplatesProvider>
      <MainShell formId={route.formId} onOpen={open} />
    </TemplatesProvider>
  );
}
