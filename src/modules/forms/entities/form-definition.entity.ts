import { DateTimeType, Entity, JsonType, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';
import type { FormSchema } from '../form-schema';

/** A Form.io form an administrator edits as a draft; publishing freezes the draft into a FormVersion. */
@Entity()
export class FormDefinition extends BaseEntity<'builtIn' | 'sourceHash' | 'archivedAt'> {
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

  /**
   * Content hash of the built-in file last applied to this form. A file whose hash is unchanged is not
   * applied again, so an administrator's own edits of a built-in form survive every `forms:sync`.
   */
  @Property({ type: 'string', length: 64, nullable: true })
  sourceHash: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  archivedAt: Date | null = null;
}
