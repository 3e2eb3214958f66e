import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { MAIL_SEND_JOB, MAIL_TICK_JOB, MailSendJob } from '../../modules/mail/mail-jobs';
import { MailMessagesService } from '../../modules/mail/mail-messages.service';
import { QUEUES } from '../../queue/queue-names';
import { MailExpander } from './mail-expander.service';

/**
 * The `mail` queue. `mail.tick` turns notices into mail; `mail.send` makes one attempt per job run: a failed attempt
 * throws and BullMQ tries again after its exponential backoff. The message's lease keeps a job run twice from sending twice.
 */
@Processor(QUEUES.mail, { concurrency: 4 })
export class MailProcessor extends WorkerHost {
  constructor(
    private readonly expander: MailExpander,
    private readonly messages: MailMessagesService,
  ) {
    super();
  }

  async process(job: Job<MailSendJob>): Promise<unknown> {
    if (job.name === MAIL_TICK_JOB) return this.expander.tick();
    if (job.name !== MAIL_SEND_JOB) throw new UnrecoverableError(`No handler for job ${job.name}`);
    const outcome = await this.messages.attempt(job.data.messageId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
    if (outcome === 'retry') throw new Error(`Mail ${job.data.messageId} not accepted; retrying`);
    // Another run holds it now; this one tries again later, in case that run dies before recording its attempt.
    if (outcome === 'busy') throw new Error(`Mail ${job.data.messageId} is being sent by another run`);
    return outcome;
  }
}
