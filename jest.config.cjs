// Jest: @swc/jest compiles TypeScript (type checking is `npm run typecheck`).
// Three projects: fast unit tests in Node, DOM tests of React components in
// jsdom, and slow integration tests (LibreOffice parity, the CLI, the browser).
/** @type {import('jest').Config} */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'cjs', 'mjs', 'json'],
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js' },
  // pptxgenjs's CommonJS build loads node:fs with a dynamic import(), which Jest's module runtime
  // refuses without --experimental-vm-modules: compiled like our own code, it becomes a require().
  transformIgnorePatterns: ['/node_modules/(?!pptxgenjs/)'],
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, displayName: 'dom', testEnvironment: 'jsdom', testMatch: ['<rootDir>/tests/dom/**/*.test.tsx'] },
    { ...common, displayName: 'integration', testEnvironment: 'node', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
  ],
};
