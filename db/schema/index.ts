export * from './auth';
export * from './party';
export * from './talent';
export * from './policy';
