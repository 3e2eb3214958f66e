import { DateTimeType, Entity, JsonType, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import type { FormSchema } from '../form-schema';

/** A Form.io form an administrator edits as a draft; publishing freezes the draft into a FormVersion. */
@Entity()
export class FormDefinition extends BaseEntity<'builtIn' | 'archivedAt'> {
  /** Stable key, `<domain>/<name>` for built-in forms, e.g. `pact/title-registration`. */
  @Property({ type: 'string', length: 150 })
  @Unique()
  key!: string;

  @Property({ type: 'string', length: 255 })
  name!: string;

  /** The Form.io schema being edited; checked only by validate and publish. */
  @Property({ type: JsonType })
  draft!: FormSchema;

  /** Loaded from forms/<domain>/<name>.form.json. */
  @Property({ type: 'boolean' })
  builtIn: boolean = false;

  @Property({ type: DateTimeType, nullable: true })
  archivedAt: Date | null = null;
}
