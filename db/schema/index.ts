export * from './auth';
export * from './party';
