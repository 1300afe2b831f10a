import type { Agent, Note, ParsedPayload } from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';
import { CommandError, notFound } from './errors.js';
import type { Clock, DomainEvents } from './events.js';
import { nameOf } from './session-access.js';

/** Notes on contacts: shared by every agent, who may each create, edit and delete any of them. */
export class NoteService {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly events: DomainEvents,
  ) {}

  async list(contactId: string): Promise<{ notes: Note[] }> {
    if (!(await this.repo.getContact(contactId))) throw notFound('contact');
    return { notes: await this.repo.listNotes(contactId) };
  }

  /** Creates (new id) or edits a note; saving the same text changes nothing. */
  async save(agent: Agent, input: ParsedPayload<'note.save'>): Promise<{ note: Note }> {
    const { note, changed } = await this.repo.transaction(async (tx) => {
      if (!(await tx.getContact(input.contactId))) throw notFound('contact');
      const at = this.now();
      const existing = await tx.getNote(input.id);
      if (!existing) {
        const created: Note = {
          id: input.id,
          contactId: input.contactId,
          text: input.text,
          authorId: agent.id,
          authorName: nameOf(agent),
          createdAt: at,
          updatedAt: at,
          version: 1,
        };
        await tx.insertNote(created);
        return { note: created, changed: true };
      }
      if (existing.contactId !== input.contactId) {
        throw new CommandError('CONFLICT', 'This note id is already used by a note on another contact. Save it with a new id.');
      }
      if (existing.text === input.text) return { note: existing, changed: false };
      const updated: Note = { ...existing, text: input.text, updatedAt: at, version: existing.version + 1 };
      if (!(await tx.updateNote(updated, existing.version))) throw new Error('note changed during its update');
      return { note: updated, changed: true };
    });
    if (changed) this.events.noteUpdated(note);
    return { note };
  }

  /** Deleting a note that is already gone answers NOT_FOUND. */
  async delete(noteId: string): Promise<{ noteId: string; contactId: string }> {
    const note = await this.repo.transaction(async (tx) => {
      const found = await tx.getNote(noteId);
      if (!found) throw notFound('note');
      await tx.deleteNote(noteId);
      return found;
    });
    this.events.noteDeleted(note.id, note.contactId);
    return { noteId: note.id, contactId: note.contactId };
  }
}
