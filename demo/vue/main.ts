/**
 * The kit in Vue 3, from the built package, with a render function (no template compiler
 * needed). `.data` sets the DOM property; `onPromoQueryChange` listens to the custom event.
 */
import { createApp, h, markRaw, ref } from 'vue';
import 'promo-kpi-kit';
import { generateDemoData } from '../generate.js';

createApp({
  setup() {
    // markRaw: the board reads the records; Vue need not make 200k orders reactive.
    const data = markRaw(generateDemoData());
    const locale = ref<'en' | 'vi'>('en');
    const query = ref('');
    return () =>
      h('main', [
        h('h1', 'Vue 3'),
        h('p', [
          h(
            'button',
            { type: 'button', onClick: () => (locale.value = locale.value === 'en' ? 'vi' : 'en') },
            locale.value === 'en' ? 'Tiếng Việt' : 'English',
          ),
          ' ',
          h('output', { id: 'query' }, query.value),
        ]),
        h('promo-kpi-board', {
          locale: locale.value,
          currency: 'VND',
          'time-zone': 'Asia/Ho_Chi_Minh',
          layout: 'summary',
          '.data': data,
          onPromoQueryChange: (e: CustomEvent<{ query: object }>) => (query.value = JSON.stringify(e.detail.query)),
        }),
      ]);
  },
}).mount('#app');
