import 'server-only';
import type { S3Client } from '@aws-sdk/client-s3';
import { assertContentType, assertKey, type BlobKey } from './keys';
import type { BlobMeta, BlobStorage, StoredBlob } from './storage';

/**
 * S3-compatible object storage (AWS S3, MinIO, 阿里云 OSS / 腾讯云 COS in S3 mode) through the official AWS SDK v3
 * client (issue 14 §2): with it, uploads no longer live on one server's disk and web instances stay stateless.
 * Objects are named `<prefix><key>` with the same UUID keys as local storage (nothing a user typed), carry the
 * server-chosen content type, and are read whole (stored files are bounded: re-encoded images, ≤ 10 MB evidence).
 * Checked by the storage contract suite wherever S3_ENDPOINT (or S3_BUCKET for AWS) is configured.
 */
export interface S3Config {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style URLs (MinIO and most self-hosted endpoints); default true when an endpoint is set. */
  forcePathStyle: boolean;
  /** Prepended to every key, e.g. `uploads/`. */
  prefix: string;
}

/** S3_* variables → config, or null when no bucket is configured (local disk is used). Malformed values throw. */
export function s3ConfigFromEnv(env: Record<string, string | undefined> = process.env): S3Config | null {
  const bucket = env.S3_BUCKET;
  if (!bucket) {
    if (env.S3_ENDPOINT) throw new Error('S3_ENDPOINT is set but S3_BUCKET is not / 已设置 S3_ENDPOINT 但未设置 S3_BUCKET');
    return null;
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new Error(`S3_BUCKET "${bucket}" is not a valid bucket name / S3_BUCKET 不是有效的存储桶名称`);
  const endpoint = env.S3_ENDPOINT || undefined;
  if (endpoint && !/^https?:\/\//.test(endpoint)) throw new Error('S3_ENDPOINT must start with http:// or https:// / S3_ENDPOINT 必须以 http:// 或 https:// 开头');
  const prefix = env.S3_PREFIX ?? '';
  if (prefix && !/^[a-zA-Z0-9/_.-]{1,100}$/.test(prefix)) throw new Error('S3_PREFIX may contain letters, digits, / _ . - only / S3_PREFIX 只能包含字母、数字和 / _ . -');
  return {
    bucket,
    region: env.S3_REGION || 'us-east-1',
    endpoint,
    accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === '1' || env.S3_FORCE_PATH_STYLE === 'true' : !!endpoint,
    prefix,
  };
}

const isNotFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
};

export class S3Storage implements BlobStorage {
  private client: Promise<S3Client> | null = null;
  private sdk: Promise<typeof import('@aws-sdk/client-s3')> | null = null;

  constructor(readonly config: S3Config) {}

  private lib() {
    return (this.sdk ??= import('@aws-sdk/client-s3'));
  }

  private s3(): Promise<S3Client> {
    return (this.client ??= this.lib().then(
      ({ S3Client }) =>
        new S3Client({
          region: this.config.region,
          endpoint: this.config.endpoint,
          forcePathStyle: this.config.forcePathStyle,
          credentials: this.config.accessKeyId && this.config.secretAccessKey ? { accessKeyId: this.config.accessKeyId, secretAccessKey: this.config.secretAccessKey } : undefined,
        }),
    ));
  }

  private name(key: unknown): string {
    assertKey(key);
    return `${this.config.prefix}${key}`;
  }

  async put(key: BlobKey, bytes: Uint8Array, meta: BlobMeta): Promise<void> {
    const Key = this.name(key);
    assertContentType(meta.contentType);
    if (await this.exists(key)) throw new Error('Blob key already in use');
    const { PutObjectCommand } = await this.lib();
    await (await this.s3()).send(new PutObjectCommand({ Bucket: this.config.bucket, Key, Body: bytes, ContentType: meta.contentType, ContentLength: bytes.byteLength }));
  }

  async get(key: BlobKey): Promise<StoredBlob | null> {
    const Key = this.name(key);
    const { GetObjectCommand } = await this.lib();
    try {
      const res = await (await this.s3()).send(new GetObjectCommand({ Bucket: this.config.bucket, Key }));
      const bytes = res.Body ? await res.Body.transformToByteArray() : new Uint8Array();
      const contentType = res.ContentType ?? 'application/octet-stream';
      assertContentType(contentType);
      return { body: bytes, contentType, size: bytes.byteLength };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async delete(key: BlobKey): Promise<void> {
    const Key = this.name(key);
    const { DeleteObjectCommand } = await this.lib();
    await (await this.s3()).send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key }));
  }

  async exists(key: BlobKey): Promise<boolean> {
    const Key = this.name(key);
    const { HeadObjectCommand } = await this.lib();
    try {
      await (await this.s3()).send(new HeadObjectCommand({ Bucket: this.config.bucket, Key }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }
}
