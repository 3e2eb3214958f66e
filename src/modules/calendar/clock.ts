import { Injectable } from '@nestjs/common';

/** All time comes from here, so tests and simulations can move it without sleeping. */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves this process's time forward (tests, simulation). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Sets this process's time to an instant (tests, simulation). */
  set(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }
}
