import { BooleanType, Entity, JsonType, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../../database/base.entity';

/**
 * An HTTPS address an administrator registered for some events (điểm nhận webhook). The secret signs every delivery
 * (HMAC-SHA256); it is kept as is because the app must sign with it, and is shown only once, at registration.
 */
@Entity()
export class WebhookEndpoint extends BaseEntity<'enabled' | 'description'> {
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 2000 })
  url!: string;

  /** Webhook event types (WEBHOOK_EVENT_TYPES), e.g. `campaign.launched`. */
  @Property({ type: JsonType })
  events!: string[];

  @Property({ type: 'string', length: 128 })
  secret!: string;

  @Property({ type: BooleanType })
  enabled: boolean = true;

  @Property({ type: 'string', length: 500, nullable: true })
  description: string | null = null;
}
