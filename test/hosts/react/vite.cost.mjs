// The app's own config, with the kit in a chunk of its own so its cost can be measured.
import { mergeConfig } from 'vite';
import base from './vite.config.mjs';

export default mergeConfig(base, {
  build: {
    rolldownOptions: {
      output: {
        advancedChunks: {
          groups: [
            {
              name: 'kit',
              test: /node_modules[\\/](promo-kpi-kit|lit|lit-html|lit-element|@lit[\\/][^\\/]+|d3-array|internmap)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
