import { randomUUID } from 'node:crypto';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { Clock } from '../calendar/clock';
import { IdempotencyRecord } from './idempotency-record.entity';

/**
 * How long a pending reservation holds its key. Longer than any request may run behind a proxy (60 s),
 * so a slow first request is never run twice; short enough that a key left by a crashed process frees itself.
 */
export const IDEMPOTENCY_LEASE_MS = 2 * 60_000;
/** What a request that finds its key still running is told to wait before retrying. */
export const IDEMPOTENCY_RETRY_AFTER_SECONDS = 1;
/** How often a release or completion that could not reach the database is tried again, while the lease would hold the key. */
const RELEASE_RETRY_MS = 1000;

/** The key is this request's to run under `leaseToken`. */
export interface Reservation {
  kind: 'reserved';
  id: string;
  leaseToken: string;
}

/** The key's first request has completed: answer what it answered. */
export interface StoredResponse {
  kind: 'replay';
  status: number;
  responseBody: string | null;
}

/**
 * Reserves, completes and releases `Idempotency-Key`s. Each step commits on its own, outside the work's
 * transaction, so the database's unique (person, key) constraint decides which concurrent request runs.
 */
@Injectable()
export class IdempotencyStore {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  /**
   * Reserves the key for this request, or returns the stored response of the first one.
   * Throws IDEMPOTENCY_KEY_REUSED when the key belongs to another request and
   * IDEMPOTENCY_REQUEST_IN_PROGRESS while the first one is still running.
   */
  async reserve(personId: string, key: string, requestHash: string): Promise<Reservation | StoredResponse> {
    const inserted = await this.insertPending(personId, key, requestHash);
    if (inserted) return inserted;

    const existing = await this.em.fork().findOne(IdempotencyRecord, { personId, key });
    // Released between our insert and this read (the first request failed): the key is free again.
    if (!existing) return this.reserveOrRefuse(personId, key, requestHash);
    if (existing.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (existing.state === 'completed') return { kind: 'replay', status: existing.status!, responseBody: existing.responseBody };
    if (existing.leaseExpiresAt > this.clock.now()) throw this.inProgress();
    const takenOver = await this.takeOver(existing);
    if (!takenOver) throw this.inProgress();
    return takenOver;
  }

  /**
   * Stores the response for replay; a request whose lease was taken over stores nothing. Stored later when the
   * database cannot be reached now (see `release`): the client's retry is then answered the stored response.
   */
  async complete(reservation: Reservation, status: number, responseBody: string | null): Promise<void> {
    const store = async () => {
      await this.em
        .fork()
        .nativeUpdate(
          IdempotencyRecord,
          { id: reservation.id, leaseToken: reservation.leaseToken, state: 'pending' },
          { state: 'completed', status, responseBody, updatedAt: this.clock.now() },
        );
    };
    await store().catch((error: unknown) => this.retryInBackground(store, error));
  }

  /**
   * Frees the key after a failure, so the client can retry with it (with the same or a corrected body). When the
   * release itself fails (the request most likely failed because the database went away: a restart), it is tried
   * again in the background until the database is back: else every client whose request was cut by the restart would
   * be told IDEMPOTENCY_REQUEST_IN_PROGRESS for the whole lease (2 minutes) by a process that is alive and knows the
   * key is free. Freeing it sooner changes nothing else: the lease's end would free it the same way.
   */
  async release(reservation: Reservation): Promise<void> {
    const free = async () => {
      await this.em.fork().nativeDelete(IdempotencyRecord, { id: reservation.id, leaseToken: reservation.leaseToken, state: 'pending' });
    };
    await free().catch((error: unknown) => this.retryInBackground(free, error));
  }

  /**
   * Tries `step` again every RELEASE_RETRY_MS, unawaited and without keeping the process alive, until it succeeds or
   * the lease would have ended anyway; throws `error` (the first failure) to the caller at once.
   */
  private retryInBackground(step: () => Promise<void>, error: unknown): never {
    const attempt = (attemptsLeft: number) => {
      if (attemptsLeft <= 0) return;
      setTimeout(() => step().catch(() => attempt(attemptsLeft - 1)), RELEASE_RETRY_MS).unref();
    };
    attempt(Math.floor(IDEMPOTENCY_LEASE_MS / RELEASE_RETRY_MS));
    throw error;
  }

  private async insertPending(personId: string, key: string, requestHash: string): Promise<Reservation | undefined> {
    const em = this.em.fork();
    const now = this.clock.now();
    const record = em.create(IdempotencyRecord, {
      personId,
      key,
      requestHash,
      leaseToken: randomUUID(),
      leaseExpiresAt: new Date(now.getTime() + IDEMPOTENCY_LEASE_MS),
      createdAt: now,
      updatedAt: now,
    });
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return undefined;
      throw error;
    }
    return { kind: 'reserved', id: record.id, leaseToken: record.leaseToken };
  }

  /** One more attempt after the key was freed under us; a second race lost is reported as in progress. */
  private async reserveOrRefuse(personId: string, key: string, requestHash: string): Promise<Reservation> {
    const inserted = await this.insertPending(personId, key, requestHash);
    if (!inserted) throw this.inProgress();
    return inserted;
  }

  /** Compare-and-set on the expired lease: of several requests finding it expired, one takes it over, the others are told it runs. */
  private async takeOver(expired: IdempotencyRecord): Promise<Reservation | undefined> {
    const now = this.clock.now();
    const leaseToken = randomUUID();
    const taken = await this.em
      .fork()
      .nativeUpdate(
        IdempotencyRecord,
        { id: expired.id, leaseToken: expired.leaseToken, state: 'pending' },
        { leaseToken, leaseExpiresAt: new Date(now.getTime() + IDEMPOTENCY_LEASE_MS), updatedAt: now },
      );
    return taken === 1 ? { kind: 'reserved', id: expired.id, leaseToken } : undefined;
  }

  private inProgress(): AppError {
    const retryAfter = IDEMPOTENCY_RETRY_AFTER_SECONDS;
    return new AppError('IDEMPOTENCY_REQUEST_IN_PROGRESS', { retryAfter }, { retryAfterSeconds: retryAfter }, { 'Retry-After': String(retryAfter) });
  }
}
