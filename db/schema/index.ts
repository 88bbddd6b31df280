export * from './auth';
export * from './party';
export * from './talent';
export * from './policy';
export * from './notifications';
export * from './jobs';
export * from './policy-push';
export * from './keys';
