// A plain webpack 5 app: the README's main.js, the page above, the kit in a chunk of its own
// (so its cost can be measured). webpack 5 emits the engine's worker from new Worker(new URL(...)).
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { resolve } from 'node:path';

export default {
  entry: './main.js',
  output: { path: resolve(import.meta.dirname, 'dist'), publicPath: '/', clean: true },
  plugins: [new HtmlWebpackPlugin({ template: './index.html', scriptLoading: 'module' })],
  optimization: {
    splitChunks: {
      cacheGroups: {
        kit: {
          test: /node_modules[\\/](promo-kpi-kit|lit|lit-html|lit-element|@lit[\\/][^\\/]+|d3-array|internmap)[\\/]/,
          name: 'kit',
          chunks: 'initial',
          enforce: true,
        },
      },
    },
  },
  performance: { hints: false },
};
