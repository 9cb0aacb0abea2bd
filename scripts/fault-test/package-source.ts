import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../../src/contract/methods';
import { createBackend, type Backend } from '../../src/server/backend';
import { toneWav, transcriptVtt } from './make-audio';
import { sha256Of } from './worker-operations';
import { storedPlaintext } from '../../tests/support/stored-plaintext';

/**
 * Real session packages for the package-import path, made by a lead's backend of its own: package i holds a new
 * session with two new recordings (with transcripts). Made on demand, before the round that imports them.
 */
export class PackageSource {
  private readonly lead: Backend;
  private readonly folder: string;

  constructor(
    private readonly workDir: string,
    private readonly seed: number,
  ) {
    this.folder = join(workDir, 'packages');
    mkdirSync(this.folder, { recursive: true });
    this.lead = createBackend({ dataDir: join(workDir, 'lead'), allowPathSources: true, heavyWork: 'in-thread' });
  }

  private async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await this.lead.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as MethodOutput<M>;
  }

  /** Makes packages up to index `last` that do not exist yet. */
  async ensure(last: number): Promise<void> {
    if ((await this.call('reviewer.get', {})) === null) await this.call('reviewer.set', { name: 'Lotte' });
    for (let index = 0; index <= last; index += 1) {
      if (!existsSync(join(this.folder, `${index}.klankbord-session.json`))) await this.make(index);
    }
  }

  private async make(index: number): Promise<void> {
    const sources = join(this.workDir, 'lead-sources', String(index));
    mkdirSync(sources, { recursive: true });
    const shas: string[] = [];
    for (const part of [0, 1]) {
      const audio = toneWav({ seconds: 1 + part, seed: this.seed * 7919 + index * 2 + part });
      writeFileSync(join(sources, `sessie-${index}-${part}.wav`), audio);
      writeFileSync(join(sources, `sessie-${index}-${part}.vtt`), transcriptVtt(1 + part, index));
      shas.push(sha256Of(audio));
    }
    let imported: string[] = [];
    const stop = this.lead.events.listen((message) => {
      if (message.name === 'imports.finished')
        imported = (message.payload as { importedCallIds: string[] }).importedCallIds;
    });
    await this.call('imports.start', { sources: [{ kind: 'path', path: sources }] });
    await this.lead.idle();
    stop();
    const session = await this.call('sessions.create', {
      name: `Sessie ${index}`,
      callIds: imported,
      reviewers: [{ name: 'Anouk' }, { name: 'Bram' }],
      benchmarkIndex: 0,
    });
    const exported = await this.call('sessions.exportPackage', {
      sessionId: session.id,
      reviewerId: session.reviewers[0]!.id,
    });
    const target = join(this.folder, `${index}.klankbord-session`);
    // The lead's folder is encrypted: the package handed on is the export's plaintext, as a download would be.
    writeFileSync(target, storedPlaintext(this.lead.exportFile(exported.exportId)!.path));
    writeFileSync(`${target}.json`, JSON.stringify({ sessionId: session.id, shas }));
  }

  close(): void {
    this.lead.close();
  }
}
