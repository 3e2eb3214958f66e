/** Every BullMQ queue of thidua, split by workload. Job names are `noun.verb`. */
export const QUEUES = {
  maintenance: 'maintenance',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
