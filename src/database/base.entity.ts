import { randomUUID } from 'node:crypto';
import { DateTimeType, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** Every table: an app-generated UUID and creation/update times. */
export abstract class BaseEntity<Optional extends string = never> {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | Optional;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Property({ type: DateTimeType, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
