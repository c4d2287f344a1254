/**
 * One subject of bench:forward in a child process of its own: the mediasoup
 * worker it owns is what the bench measures, so nothing else of the bench
 * (source, sink, orchestrator) shares this process.
 *
 *   tsx subject.ts samplan|bare
 */
import { startBareSubject } from './bareSubject.ts';
import { serve } from '../ipc.ts';
import { startSamplanSubject } from './samplanSubject.ts';
import type { Subject } from './subjectApi.ts';

const handlers = (subject: Subject) => ({
  describe: () => ({ workerPid: subject.workerPid, producerPort: subject.producerPort, producerRtcpPort: subject.producerRtcpPort }),
  addReceivers: (ports: number[]) => subject.addReceivers(ports),
  removeReceivers: (count: number) => subject.removeReceivers(count),
  flow: (on: boolean) => subject.flow(on),
  producerStats: () => subject.producerStats(),
  close: () => subject.close(),
});

export type SubjectHandlers = ReturnType<typeof handlers>;

const name = process.argv[2];
if (process.send !== undefined) {
  if (name !== 'samplan' && name !== 'bare') throw new Error(`subject.ts samplan|bare, not ${name}`);
  serve(handlers(name === 'samplan' ? await startSamplanSubject() : await startBareSubject()));
}
