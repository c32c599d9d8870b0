// Webpack for the task pane and the browser preview (the manifest's ribbon
// button only opens the pane, so there is no function file). TypeScript is compiled by swc (type checking is `npm run
// typecheck`); Fluent UI v9 styles are CSS-in-JS, so no CSS loaders.
//
//   npm run build         production bundle in dist/ (taskpane.html + preview.html)
//   npm run dev-server    https://localhost:3000 with office-addin-dev-certs
//   npm run preview       http://localhost:3001/preview.html, the pane beside a fake workbook
/* eslint-disable @typescript-eslint/no-require-imports -- webpack loads this file as CommonJS */
'use strict';
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { NormalModuleReplacementPlugin } = require('webpack');

const DEV_SERVER_PORT = 3000;
const PREVIEW_PORT = 3001;

/** swc settings shared by every TS/TSX module (the pane, the worker, the preview). */
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic' } },
    target: 'es2020',
  },
};

/**
 * The dev server needs trusted certificates: Office only loads add-ins over
 * HTTPS. office-addin-dev-certs creates them under ~/.office-addin-dev-certs
 * (installing its CA needs admin rights; see the README).
 */
async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    throw new Error(
      `No trusted HTTPS certificate for https://localhost:${DEV_SERVER_PORT}: ${error.message}\n` +
        'Run `npx office-addin-dev-certs install` once with administrator rights, then `npm run dev-server` again.\n' +
        'To try the pane without Office or certificates: `npm run preview` (http://localhost:3001/preview.html).',
      { cause: error },
    );
  }
}

module.exports = async (env = {}, argv = {}) => {
  const isProduction = argv.mode === 'production';
  const isPreviewServer = Boolean(env.preview);
  const isDevServer = process.argv.some((arg) => arg === 'serve');

  const config = {
    devtool: isProduction ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      preview: './src/preview/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
      publicPath: '',
    },
    // PptxGenJS's browser build still names node:fs and node:https in dynamic imports it only runs under Node:
    // resolved to empty modules (its package.json maps fs/https to false for browsers).
    // The grading worker's per-rep copies (src/worker/copies.ts) import writeXlsx.ts, which also holds the
    // streaming writer (zip.ts, node:zlib). The worker only calls the exceljs engine, so zlib is an empty module
    // here; the streaming writer is never run in the browser (repCopiesWeb.ts says why).
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs'], fallback: { fs: false, https: false, zlib: false } },
    module: {
      rules: [
        {
          test: /\.[cm]?tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'swc-loader', options: swcOptions },
        },
        // Sample data for the preview, imported as text.
        { test: /\.csv$/, type: 'asset/source' },
      ],
    },
    plugins: [
      new NormalModuleReplacementPlugin(/^node:(fs|https|zlib)$/, (resource) => {
        resource.request = resource.request.slice('node:'.length);
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'preview.html',
        template: './src/preview/preview.html',
        chunks: ['preview'],
      }),
      // A local office.js for the preview and the browser tests (no network
      // there); the real pane loads Microsoft's CDN copy. Outside Office,
      // office.js resolves Office.onReady with host null and loads nothing else.
      new CopyWebpackPlugin({
        patterns: [
          { from: 'node_modules/@microsoft/office-js/dist/office.js', to: 'office-js/office.js' },
          // office.js loads its host-to-file table next; nothing else outside Office.
          { from: 'node_modules/@microsoft/office-js/dist/o15apptofilemappingtable.js', to: 'office-js/o15apptofilemappingtable.js' },
          { from: 'assets', to: 'assets', noErrorOnMissing: true },
          { from: 'manifest.xml', to: 'manifest.xml', noErrorOnMissing: true },
        ],
      }),
    ],
    performance: {
      // Fluent UI v9 + React is ~ 500 kB minified; warn only well above that.
      maxEntrypointSize: 1_200_000,
      maxAssetSize: 1_200_000,
    },
    optimization: {
      splitChunks: { chunks: 'all', name: (_module, chunks) => chunks.map((c) => c.name).sort().join('~') },
    },
  };

  if (isDevServer) {
    config.devServer = isPreviewServer
      ? {
          port: PREVIEW_PORT,
          host: 'localhost',
          open: false,
          static: false,
          headers: { 'Access-Control-Allow-Origin': '*' },
          historyApiFallback: { index: '/preview.html' },
        }
      : {
          port: DEV_SERVER_PORT,
          host: 'localhost',
          static: false,
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: { type: 'https', options: await httpsOptions() },
        };
  }
  return config;
};
