import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Readable } from 'node:stream';
import { MikroORM } from '@mikro-orm/core';
import { Body, Controller, Get, Module, Param, ParseUUIDPipe, Post, Res, UploadedFile } from '@nestjs/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { zipSync } from 'fflate';
import { AppModule } from '../../src/app.module';
import { CurrentPrincipal } from '../../src/common/auth/auth.decorators';
import type { Principal } from '../../src/common/auth/principal';
import { AppError } from '../../src/common/errors/app-error';
import { Person } from '../../src/modules/org/entities/person.entity';
import { StoredFileDto } from '../../src/modules/storage/dto/stored-file.dto';
import { UploadedEvidence, UploadEvidence } from '../../src/modules/storage/evidence-upload.interceptor';
import { sendFile } from '../../src/modules/storage/send-file';
import { StorageModule } from '../../src/modules/storage/storage.module';
import { StoredFile } from '../../src/modules/storage/stored-file.entity';
import { StoredFilesService } from '../../src/modules/storage/stored-files.service';
import { signInWithForm } from '../support/page-session';
import { bearerFor, startTestApp, TestApp } from '../support/test-app';
import { TEST_DIALECT } from '../support/test-database';

/** Small, so that "too large" costs nothing: 64 KiB, shown as 0.06 MB. */
const LIMIT_BYTES = 64 * 1024;

class ProbeFields {
  @IsOptional() @IsString() @MaxLength(200)
  comment?: string;
}

/** A score sheet's evidence routes in miniature, mounted only in this test: upload as the API does and as a page does, and download. */
@Controller()
class EvidenceProbeController {
  constructor(private readonly files: StoredFilesService) {}

  @Post('api/v1/test-evidence')
  @UploadEvidence('file')
  async upload(@UploadedFile() file: UploadedEvidence, @Body() fields: ProbeFields, @CurrentPrincipal() principal: Principal): Promise<StoredFileDto & { comment?: string }> {
    const stored = await this.files.put(file.buffer, { originalName: file.originalname, uploadedById: principal.personId, purpose: 'evidence' });
    return { ...StoredFileDto.from(stored), comment: fields.comment };
  }

  @Post('test-evidence-page')
  @UploadEvidence('evidence')
  async uploadFromPage(@UploadedFile() file: UploadedEvidence, @CurrentPrincipal() principal: Principal): Promise<StoredFileDto> {
    return StoredFileDto.from(await this.files.put(file.buffer, { originalName: file.originalname, uploadedById: principal.personId, purpose: 'evidence' }));
  }

  @Get('api/v1/test-evidence/:id')
  async download(@Param('id', new ParseUUIDPipe()) id: string, @Res() response: Response): Promise<void> {
    const { file, stream } = await this.files.open(id);
    await sendFile(response, file, stream);
  }
}

@Module({ imports: [StorageModule], controllers: [EvidenceProbeController] })
class EvidenceProbeModule {}

/** The real app with the probe module added to its imports (the app has no other door for a test-only controller). */
async function startAppWithProbe(env: Record<string, string>): Promise<TestApp> {
  const forRole = AppModule.forRole.bind(AppModule);
  const spy = jest.spyOn(AppModule, 'forRole').mockImplementation((role, config) => {
    const module = forRole(role, config);
    return { ...module, imports: [...(module.imports ?? []), EvidenceProbeModule] };
  });
  try {
    return await startTestApp({ env });
  } finally {
    spy.mockRestore();
  }
}

const pdf = (label: string, size = 600) => {
  const head = Buffer.from(`%PDF-1.7\n% ${label}\n`, 'utf8');
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x20)]);
};
const elf = () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200)]);
const docx = () =>
  Buffer.from(
    zipSync({
      '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
      '_rels/.rels': new TextEncoder().encode('<Relationships/>'),
      'word/document.xml': new TextEncoder().encode('<w:document/>'),
    }),
  );
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The refusal an AppError-throwing promise ends with, as `{ code, params }`. */
async function refusalOf(promise: Promise<unknown>): Promise<{ code: string; params: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe(`file storage: evidence uploads (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let storageDir: string;
  let files: StoredFilesService;
  let uploaderId: string;

  /** Every stored blob, as paths relative to STORAGE_DIR (temporary files apart). */
  const blobs = (): string[] =>
    readdirSync(storageDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(storageDir, join(entry.parentPath, entry.name)))
      .filter((path) => !path.startsWith('.tmp'))
      .sort();
  const temporaryFiles = (): string[] => (existsSync(join(storageDir, '.tmp')) ? readdirSync(join(storageDir, '.tmp')) : []);
  const rows = () => t.app.get(MikroORM).em.fork().count(StoredFile, {});
  const meta = (originalName: string) => ({ originalName, uploadedById: uploaderId, purpose: 'evidence' });

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'thidua-files-'));
    t = await startAppWithProbe({ STORAGE_DIR: storageDir, EVIDENCE_MAX_BYTES: String(LIMIT_BYTES) });
    files = t.app.get(StoredFilesService);
    uploaderId = (await t.app.get(MikroORM).em.fork().findOneOrFail(Person, { username: 'thanhhoa.vientruong' })).id;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  describe('StoredFilesService', () => {
    it('stores a PDF under its SHA-256, with the type read from its content and a sanitised name', async () => {
      const content = pdf('báo cáo');
      const digest = sha256(content);
      const stored = await files.put(content, meta('C:\\fakepath\\Báo cáo\u0007 tổng kết.png'.normalize('NFD')));

      expect(stored).toMatchObject({
        sha256: digest,
        sizeBytes: content.length,
        mediaType: 'application/pdf',
        originalName: 'Báo cáo tổng kết.png',
        storageKey: `${digest.slice(0, 2)}/${digest.slice(2, 4)}/${digest}`,
        purpose: 'evidence',
      });
      expect(readFileSync(join(storageDir, stored.storageKey)).equals(content)).toBe(true);

      const found = await t.app.get(MikroORM).em.fork().findOneOrFail(StoredFile, { id: stored.id }, { populate: ['uploadedBy'] });
      expect(found.uploadedBy.username).toBe('thanhhoa.vientruong');
      expect(found.sha256).toBe(digest);
      expect((await files.find(stored.id))?.originalName).toBe('Báo cáo tổng kết.png');
      expect(temporaryFiles()).toEqual([]);
    });

    it('keeps the same content once, however often it is uploaded, and gives each upload its own row', async () => {
      const content = docx();
      const first = await files.put(content, meta('Biên bản.docx'));
      const blobsAfterFirst = blobs();
      const second = await files.put(content, meta('Bản sao biên bản.docx'));

      expect(second.id).not.toBe(first.id);
      expect(second.storageKey).toBe(first.storageKey);
      expect(second.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(blobs()).toEqual(blobsAfterFirst);
      expect(blobs().filter((path) => path.endsWith(first.sha256))).toHaveLength(1);
    });

    it('two concurrent uploads of the same new content make two rows and one blob', async () => {
      const content = pdf('concurrent');
      const rowsBefore = await rows();
      const blobsBefore = blobs().length;
      const [a, b] = await Promise.all([files.put(content, meta('a.pdf')), files.put(content, meta('b.pdf'))]);

      expect(a.id).not.toBe(b.id);
      expect(await rows()).toBe(rowsBefore + 2);
      expect(blobs().length).toBe(blobsBefore + 1);
      expect(readFileSync(join(storageDir, a.storageKey)).equals(content)).toBe(true);
      expect(temporaryFiles()).toEqual([]);
    });

    it('opens a file as a stream of its bytes; an unknown id is STORED_FILE_NOT_FOUND', async () => {
      const content = pdf('open me', 5000);
      const stored = await files.put(content, meta('mở.pdf'));
      const { file, stream } = await files.open(stored.id);
      expect(file.id).toBe(stored.id);
      expect((await readAll(stream)).equals(content)).toBe(true);

      expect(await refusalOf(files.open('00000000-0000-4000-8000-000000000000'))).toEqual({ code: 'STORED_FILE_NOT_FOUND', params: { id: '00000000-0000-4000-8000-000000000000' } });
      expect(await files.find('00000000-0000-4000-8000-000000000000')).toBeNull();
    });

    it('refuses by content, size and limit, leaving no row and no file', async () => {
      const rowsBefore = await rows();
      const blobsBefore = blobs();

      expect(await refusalOf(files.put(elf(), meta('bao-cao.pdf')))).toEqual({ code: 'EVIDENCE_TYPE_REFUSED', params: { type: 'application/x-executable' } });
      expect(await refusalOf(files.put(Buffer.from('MZ\x90\x00 a Windows program', 'latin1'), meta('anh.jpg')))).toMatchObject({ params: { type: 'application/vnd.microsoft.portable-executable' } });
      expect(await refusalOf(files.put(Buffer.from('<html><script>alert(1)</script>'), meta('trang.pdf')))).toEqual({ code: 'EVIDENCE_TYPE_REFUSED', params: { type: 'unknown' } });
      expect(await refusalOf(files.put(pdf('big', LIMIT_BYTES + 1), meta('lớn.pdf')))).toEqual({ code: 'EVIDENCE_TOO_LARGE', params: { limitMb: 0.06 } });
      expect(await refusalOf(files.put(pdf('smaller limit', 2048), { ...meta('nhỏ.pdf'), maxBytes: 1024 }))).toEqual({ code: 'EVIDENCE_TOO_LARGE', params: { limitMb: 0.00098 } });

      expect(await rows()).toBe(rowsBefore);
      expect(blobs()).toEqual(blobsBefore);
      expect(temporaryFiles()).toEqual([]);
    });

    it('accepts exactly the limit', async () => {
      const stored = await files.put(pdf('at the limit', LIMIT_BYTES), meta('vừa.pdf'));
      expect(stored.sizeBytes).toBe(LIMIT_BYTES);
    });
  });

  describe('UploadEvidence() and sendFile() over HTTP', () => {
    let admin: { Authorization: string };
    beforeAll(async () => {
      admin = await bearerFor(t, 'admin');
    });

    it('takes a multipart upload with a bearer token and serves it back as a download', async () => {
      const content = pdf('qua HTTP', 3000);
      const name = 'Biên bản họp Cụm số 6 (đợt 1).pdf';
      // The declared type is a lie the server does not repeat.
      const uploaded = await t.http().post('/api/v1/test-evidence').set(admin).field('comment', 'Minh chứng tiêu chí 1.2').attach('file', content, { filename: name, contentType: 'image/png' }).expect(201);
      expect(uploaded.body).toEqual({
        id: expect.any(String),
        originalName: name,
        mediaType: 'application/pdf',
        sizeBytes: content.length,
        sha256: sha256(content),
        uploadedAt: expect.any(String),
        comment: 'Minh chứng tiêu chí 1.2',
      });
      expect(uploaded.body).not.toHaveProperty('storageKey');

      const download = await t
        .http()
        .get(`/api/v1/test-evidence/${uploaded.body.id}`)
        .set(admin)
        .buffer(true)
        .parse((response, callback) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => callback(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect((download.body as Buffer).equals(content)).toBe(true);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-length']).toBe(String(content.length));
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      const disposition = download.headers['content-disposition'];
      expect(disposition).toBe(`attachment; filename="Bien ban hop Cum so 6 (dot 1).pdf"; filename*=UTF-8''${encodeURIComponent(name).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`);
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1])).toBe(name);
    });

    it('refuses a file past EVIDENCE_MAX_BYTES with 413 EVIDENCE_TOO_LARGE naming the limit, storing nothing', async () => {
      const rowsBefore = await rows();
      const blobsBefore = blobs();
      const response = await t.http().post('/api/v1/test-evidence').set(admin).attach('file', pdf('too big', LIMIT_BYTES + 10), 'lon.pdf').expect(413);
      expect(response.body).toMatchObject({ code: 'EVIDENCE_TOO_LARGE', message: 'Tệp minh chứng vượt quá giới hạn 0.06 MB.', details: { limitBytes: LIMIT_BYTES } });
      const english = await t.http().post('/api/v1/test-evidence?lang=en').set(admin).attach('file', pdf('too big', LIMIT_BYTES * 3), 'big.pdf').expect(413);
      expect(english.body.message).toBe('The evidence file exceeds the limit of 0.06 MB.');
      expect(await rows()).toBe(rowsBefore);
      expect(blobs()).toEqual(blobsBefore);
    });

    it('refuses an executable renamed .pdf and declared as a PDF with 415 EVIDENCE_TYPE_REFUSED, storing nothing', async () => {
      const rowsBefore = await rows();
      const blobsBefore = blobs();
      const response = await t.http().post('/api/v1/test-evidence').set(admin).attach('file', elf(), { filename: 'bao-cao.pdf', contentType: 'application/pdf' }).expect(415);
      expect(response.body).toMatchObject({ code: 'EVIDENCE_TYPE_REFUSED', details: { detectedType: 'application/x-executable' } });
      expect(response.body.message).toContain('application/x-executable');
      expect(await rows()).toBe(rowsBefore);
      expect(blobs()).toEqual(blobsBefore);
    });

    it('answers 400 EVIDENCE_FILE_MISSING without a file, and EVIDENCE_UPLOAD_INVALID for two files or another field', async () => {
      const none = await t.http().post('/api/v1/test-evidence').set(admin).field('comment', 'quên đính kèm').expect(400);
      expect(none.body).toMatchObject({ code: 'EVIDENCE_FILE_MISSING', details: { field: 'file' } });
      const json = await t.http().post('/api/v1/test-evidence').set(admin).send({ comment: 'JSON, not multipart' }).expect(400);
      expect(json.body.code).toBe('EVIDENCE_FILE_MISSING');

      const two = await t.http().post('/api/v1/test-evidence').set(admin).attach('file', pdf('one'), 'a.pdf').attach('file', pdf('two'), 'b.pdf').expect(400);
      expect(two.body.code).toBe('EVIDENCE_UPLOAD_INVALID');
      const elsewhere = await t.http().post('/api/v1/test-evidence').set(admin).attach('attachment', pdf('other field'), 'a.pdf').expect(400);
      expect(elsewhere.body.code).toBe('EVIDENCE_UPLOAD_INVALID');
    });

    it('checks the multipart text fields as every other body: control characters and unknown fields are refused', async () => {
      const control = await t.http().post('/api/v1/test-evidence').set(admin).field('comment', 'a\u0000b').attach('file', pdf('fields'), 'a.pdf').expect(400);
      expect(control.body).toMatchObject({ code: 'INVALID_CHARACTERS', details: { field: 'comment', character: 'U+0000' } });
      const unknown = await t.http().post('/api/v1/test-evidence').set(admin).field('isAdmin', 'true').attach('file', pdf('fields'), 'a.pdf').expect(400);
      expect(unknown.body.code).toBe('VALIDATION_FAILED');
    });

    it('a download of an unknown file is 404 STORED_FILE_NOT_FOUND', async () => {
      const response = await t.http().get('/api/v1/test-evidence/00000000-0000-4000-8000-000000000000').set(admin).expect(404);
      expect(response.body.code).toBe('STORED_FILE_NOT_FOUND');
    });

    it('from a page: the session cookie with the page’s CSRF token in X-CSRF-Token uploads; without the token it is refused', async () => {
      const session = await signInWithForm(t, 'thanhhoa.vientruong');
      const content = pdf('trang');
      const accepted = await t
        .http()
        .post('/test-evidence-page')
        .set('Cookie', session.cookie)
        .set('X-CSRF-Token', session.csrfToken)
        .attach('evidence', content, 'Ảnh chụp biên bản.pdf')
        .expect(201);
      expect(accepted.body).toMatchObject({ originalName: 'Ảnh chụp biên bản.pdf', sha256: sha256(content) });

      const rowsBefore = await rows();
      const forged = await t.http().post('/test-evidence-page').set('Cookie', session.cookie).attach('evidence', pdf('forged'), 'gia.pdf').expect(403);
      expect(forged.text).toContain('thiếu mã chống giả mạo');
      // The API takes multipart only with a bearer token: with cookies alone it must be JSON, which a file is not.
      const viaApi = await t.http().post('/api/v1/test-evidence').set('Cookie', session.cookie).set('X-CSRF-Token', session.csrfToken).attach('file', pdf('cookie'), 'a.pdf').expect(415);
      expect(viaApi.body.code).toBe('API_JSON_REQUIRED');
      expect(await rows()).toBe(rowsBefore);
    });
  });
});
