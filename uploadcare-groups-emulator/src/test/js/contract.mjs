// Runs one scenario of Uploadcare's official JS clients, unchanged, against a running emulator.
// Usage: node contract.mjs <scenario>; the emulator's URLs and keys come from the environment
// (UC_UPLOAD_URL, UC_REST_URL, UC_CDN_URL, UC_PUBLIC_KEY, UC_SECRET_KEY, plus UC_* inputs of a
// scenario). Prints one line "RESULT <json>" on success, or "ERROR <json>" and exits 1;
// OfficialJsClientsContractTest asserts on those results and on the emulator's state.
import { createHash } from 'node:crypto';
import {
  uploadFile, uploadFileGroup, group, groupInfo, fromUrl, fromUrlStatus, multipartStart,
  multipartUpload, multipartComplete, info
} from '@uploadcare/upload-client';
import {
  UploadcareAuthSchema, UploadcareSimpleAuthSchema, listOfGroups, groupInfo as restGroupInfo,
  deleteGroup, storeFile, deleteFile, storeFiles
} from '@uploadcare/rest-client';
import { generateSecureSignature } from '@uploadcare/signed-uploads';

const env = (name) => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`environment variable ${name} is not set`);
  return value;
};

const publicKey = env('UC_PUBLIC_KEY');
const uploadOptions = {
  publicKey,
  baseURL: env('UC_UPLOAD_URL'),
  baseCDN: env('UC_CDN_URL'),
  retryNetworkErrorMaxTimes: 0
};
const restSettings = (schema) => ({
  apiBaseURL: env('UC_REST_URL'),
  authSchema: schema === 'simple'
    ? new UploadcareSimpleAuthSchema({ publicKey, secretKey: env('UC_SECRET_KEY') })
    : new UploadcareAuthSchema({ publicKey, secretKey: env('UC_SECRET_KEY') }),
  retryNetworkErrorMaxTimes: 0
});
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const MIB = 1024 * 1024;

// Deterministic bytes, so the Java side can compare what the emulator stored.
const bytesOf = (size, seed) => {
  const buffer = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    buffer[i] = x >>> 16;
  }
  return buffer;
};

const fileResult = (file) => ({
  uuid: file.uuid, size: file.size, name: file.name, mimeType: file.mimeType,
  isStored: file.isStored, cdnUrl: file.cdnUrl, originalFilename: file.originalFilename
});

// Polls the way the client's own poll strategy does (uploadFromUrl also races a Pusher
// websocket on the internet, which tests must not touch, so the low-level calls are used).
const pollFromUrl = async (token, signing) => {
  const deadline = Date.now() + 10000;
  for (;;) {
    const status = await fromUrlStatus(token, { ...uploadOptions, ...signing });
    if (!['waiting', 'progress'].includes(status.status) || Date.now() > deadline) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const signing = () => (process.env.UC_SIGN === '1'
  ? generateSecureSignature(env('UC_SECRET_KEY'), { lifetime: 10 * 60 * 1000 })
  : {});

const errorResult = (error) => ({
  name: error?.name, message: error?.message, code: error?.code ?? null,
  status: error?.response?.status ?? null
});

const scenarios = {
  async direct() {
    const bytes = bytesOf(1000, 1);
    const file = await uploadFile(bytes, {
      ...uploadOptions, ...signing(), fileName: 'direct.bin', contentType: 'application/octet-stream',
      store: true, metadata: { subsystem: 'js-contract' }
    });
    return { ...fileResult(file), sha256: sha256(bytes), metadata: file.metadata };
  },

  async multipart() {
    const bytes = bytesOf(11 * MIB + 5, 2);
    const file = await uploadFile(bytes, {
      ...uploadOptions, ...signing(), fileName: 'multipart.bin', contentType: 'application/octet-stream',
      multipartMinFileSize: 10 * MIB, store: true
    });
    return { ...fileResult(file), sha256: sha256(bytes) };
  },

  async multipartRepeatedComplete() {
    const bytes = bytesOf(10 * MIB, 3);
    const started = await multipartStart(bytes.length, {
      ...uploadOptions, fileName: 'twice.bin', contentType: 'application/octet-stream'
    });
    const chunk = 5 * MIB;
    await Promise.all(started.parts.map((url, i) => multipartUpload(
      bytes.subarray(i * chunk, Math.min(bytes.length, (i + 1) * chunk)), url,
      { contentType: 'application/octet-stream' })));
    const first = await multipartComplete(started.uuid, uploadOptions);
    let second;
    try {
      await multipartComplete(started.uuid, uploadOptions);
      second = { name: 'no error' };
    } catch (error) {
      second = errorResult(error);
    }
    return { uuid: started.uuid, parts: started.parts.length, first: first.uuid, second };
  },

  async fromUrl() {
    const answer = await fromUrl(env('UC_SOURCE_URL'), {
      ...uploadOptions, ...signing(), fileName: 'from-url.txt', store: true
    });
    const status = await pollFromUrl(answer.token, {});
    return { type: answer.type, status: status.status, uuid: status.uuid ?? null,
      error: status.error ?? null, errorCode: status.errorCode ?? null };
  },

  async group() {
    const uuids = env('UC_UUIDS').split(',');
    const created = await group([uuids[0], `${uuids[1]}/-/resize/x800/`], { ...uploadOptions, ...signing() });
    const read = await groupInfo(created.id, uploadOptions);
    const viaUploadFileGroup = await uploadFileGroup(uuids, { ...uploadOptions, ...signing() });
    return {
      id: created.id, filesCount: created.filesCount, cdnUrl: created.cdnUrl,
      files: read.files.map((file) => ({ uuid: file.uuid, defaultEffects: file.defaultEffects })),
      readId: read.id,
      uploadFileGroup: { id: viaUploadFileGroup.uuid, filesCount: viaUploadFileGroup.filesCount,
        cdnUrl: viaUploadFileGroup.cdnUrl }
    };
  },

  async unsigned() {
    try {
      await uploadFile(bytesOf(10, 4), { ...uploadOptions, fileName: 'unsigned.bin' });
      return { name: 'no error' };
    } catch (error) {
      return errorResult(error);
    }
  },

  async throttledInfo() {
    const started = Date.now();
    const file = await info(env('UC_UUID'), { ...uploadOptions, retryThrottledRequestMaxTimes: 1 });
    return { uuid: file.uuid, waitedMs: Date.now() - started };
  },

  async rest() {
    const schema = env('UC_AUTH');
    const settings = restSettings(schema);
    const [a, b, c] = env('UC_UUIDS').split(',');
    const groupId = env('UC_GROUP');
    const started = Date.now();
    const list = await listOfGroups({ limit: 10, ordering: '-datetime_created' }, settings);
    const listMs = Date.now() - started;
    const got = await restGroupInfo({ uuid: groupId }, settings);
    const stored = await storeFile({ uuid: a }, settings);
    const many = await storeFiles({ uuids: [b, '00000000-0000-4000-8000-000000000000'] }, settings);
    const removed = await deleteFile({ uuid: c }, settings);
    const afterRemoval = await restGroupInfo({ uuid: groupId }, settings);
    await deleteGroup({ uuid: groupId }, settings);
    let gone;
    try {
      await restGroupInfo({ uuid: groupId }, settings);
      gone = { name: 'no error' };
    } catch (error) {
      gone = errorResult(error);
    }
    return {
      listMs,
      list: { total: list.total, perPage: list.perPage, ids: list.results.map((g) => g.id) },
      group: { id: got.id, filesCount: got.filesCount, files: got.files.map((f) => f.uuid) },
      stored: { uuid: stored.uuid, datetimeStored: stored.datetimeStored },
      many: { status: many.status, result: many.result.map((f) => f.uuid), problems: many.problems },
      removed: { uuid: removed.uuid, datetimeRemoved: removed.datetimeRemoved },
      afterRemoval: afterRemoval.files.map((f) => (f === null ? null : { uuid: f.uuid, datetimeRemoved: f.datetimeRemoved })),
      gone
    };
  }
};

const name = process.argv[2];
const scenario = scenarios[name];
if (!scenario) {
  console.log(`ERROR ${JSON.stringify({ name: 'UsageError', message: `unknown scenario ${name}` })}`);
  process.exit(1);
}
try {
  const result = await scenario();
  console.log(`RESULT ${JSON.stringify(result)}`);
  process.exit(0);
} catch (error) {
  console.log(`ERROR ${JSON.stringify({ ...errorResult(error), stack: error?.stack })}`);
  process.exit(1);
}
