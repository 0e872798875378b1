export type { MessageKey } from './catalog';
export * from './translate';
export * from './useT';
export * from './format';
export * from './numbers';
