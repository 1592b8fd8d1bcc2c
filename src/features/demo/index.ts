export type { DemoAccount } from './demo.ts';
export { DEMO_PASSWORD, listDemoAccounts, seedDemo } from './demo.ts';
