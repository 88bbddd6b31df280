/**
 * The S3 adapter: configuration parsing always; the storage contract against a real S3-compatible endpoint only
 * where one is configured (S3_BUCKET, plus S3_ENDPOINT / credentials for MinIO, OSS or COS). No S3 server can run
 * on the project's machines, and a fake would prove nothing about the adapter, so the contract is skipped here.
 */
import { describe, expect, it } from 'vitest';
import { blobStorageContract } from '@/tests/helpers/storage-contract';
import { S3Storage, s3ConfigFromEnv } from './s3';

describe('s3ConfigFromEnv', () => {
  it('is null without a bucket (local disk), and reads every S3_* setting', () => {
    expect(s3ConfigFromEnv({})).toBeNull();
    expect(s3ConfigFromEnv({ S3_BUCKET: 'jp-uploads', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's', S3_PREFIX: 'uploads/' })).toEqual({
      bucket: 'jp-uploads',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9000',
      accessKeyId: 'k',
      secretAccessKey: 's',
      forcePathStyle: true,
      prefix: 'uploads/',
    });
    expect(s3ConfigFromEnv({ S3_BUCKET: 'jp-uploads', S3_REGION: 'cn-east-2' })).toMatchObject({ region: 'cn-east-2', endpoint: undefined, forcePathStyle: false });
  });

  it('refuses malformed settings with a message naming the variable', () => {
    expect(() => s3ConfigFromEnv({ S3_ENDPOINT: 'http://x' })).toThrow(/S3_BUCKET/);
    expect(() => s3ConfigFromEnv({ S3_BUCKET: 'Bad_Bucket' })).toThrow(/S3_BUCKET/);
    expect(() => s3ConfigFromEnv({ S3_BUCKET: 'ok-bucket', S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT/);
    expect(() => s3ConfigFromEnv({ S3_BUCKET: 'ok-bucket', S3_PREFIX: '../x y' })).toThrow(/S3_PREFIX/);
  });
});

const configured = s3ConfigFromEnv();
describe.skipIf(!configured)('S3Storage against the configured endpoint (S3_BUCKET)', () => {
  blobStorageContract(() => new S3Storage(configured!));
});
