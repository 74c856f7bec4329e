/**
 * The kit in React 19, from the built package. React 19 passes objects to custom elements
 * as properties (`data`) and listens to their custom events (`onpromo-query-change`).
 * No JSX build step: `createElement` only.
 */
import { createElement as h, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'promo-kpi-kit';
import { generateDemoData } from '../generate.js';

function App() {
  const data = useMemo(() => generateDemoData(), []);
  const [locale, setLocale] = useState('en');
  const [query, setQuery] = useState('');
  return h(
    'main',
    null,
    h('h1', null, 'React 19'),
    h(
      'p',
      null,
      h(
        'button',
        { type: 'button', onClick: () => setLocale(locale === 'en' ? 'vi' : 'en') },
        locale === 'en' ? 'Tiếng Việt' : 'English',
      ),
      ' ',
      h('output', { id: 'query' }, query),
    ),
    h('promo-kpi-board', {
      locale,
      currency: 'VND',
      'time-zone': 'Asia/Ho_Chi_Minh',
      layout: 'summary',
      data,
      'onpromo-query-change': (e) => setQuery(JSON.stringify(e.detail.query)),
    }),
  );
}

createRoot(document.getElementById('root')).render(h(App));
