/** Every BullMQ queue of thidua, split by workload. Job names are `noun.verb`. */
export const QUEUES = {
  maintenance: 'maintenance',
  /** Stage deadlines, reminders, the outbox relay and the recovery sweep of the workflow engine. */
  workflowTimers: 'workflow-timers',
  /** Scheduled launches: the tick that finds due schedules, and one flow per schedule run (a launch per subject). */
  evaluationSchedules: 'evaluation-schedules',
  /** Webhook deliveries: one job per delivery (and per redelivery), retried with exponential backoff. */
  webhooks: 'webhooks',
  /** E-mail notices: the tick that turns new notices into mail and gathers digests, and one job per message to send. */
  mail: 'mail',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
