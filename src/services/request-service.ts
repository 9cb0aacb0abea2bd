import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { fail, ok, type Result } from '../contract/errors';
import { detectPersonalData } from '../domain/privacy/detect-personal-data';
import { parseCustomerQuery } from '../domain/requests/customer-query';
import {
  insertCustomerRequest,
  listCustomerRequests,
  type CustomerRequestKind,
} from '../storage/customer-requests-repository';
import { writeTransaction } from '../storage/transactions';
import type { ServiceContext } from './context';
import type { Handlers } from './handlers';
import { writeRequestArchive } from './request-archive';
import { eraseCustomerCalls } from './request-erase';
import { findCustomerCalls } from './request-find';
import { localReviewer } from './reviewer-service';

/** The log names the request by the operator's reference: one that holds a phone number, e-mail, BSN... is refused. */
function checkReference(reference: string): Result<void> {
  return detectPersonalData(reference).length > 0
    ? fail('invalid_input', 'The reference holds personal data', { problem: 'reference_has_personal_data' })
    : ok(undefined);
}

function logRequest(
  db: Database.Database,
  kind: CustomerRequestKind,
  reference: string,
  callCount: number,
  atMs: number,
) {
  const operator = localReviewer(db);
  insertCustomerRequest(db, {
    id: randomUUID(),
    kind,
    reference,
    callCount,
    operatorId: operator?.id ?? null,
    operatorName: operator?.name ?? '',
    atMs,
  });
}

export const requestHandlers = {
  'requests.find': (input, context) => {
    const query = parseCustomerQuery(input.query);
    if (!query) return fail('invalid_input', 'The query is too short', { problem: 'query_too_short' });
    return ok({ queryKind: query.kind, calls: findCustomerCalls(context.db, query) });
  },
  'requests.exportArchive': async (input, context: ServiceContext) => {
    const reference = checkReference(input.reference);
    if (!reference.ok) return reference;
    const written = await writeRequestArchive(context, input);
    if (written.ok)
      writeTransaction(context.db, () =>
        logRequest(context.db, 'access', input.reference, new Set(input.callIds).size, context.now()),
      );
    return written;
  },
  'requests.erase': async (input, context) => {
    const reference = checkReference(input.reference);
    if (!reference.ok) return reference;
    return eraseCustomerCalls(context, input.callIds, (erased) =>
      logRequest(context.db, 'erasure', input.reference, erased, context.now()),
    );
  },
  'requests.log': (_input, context) =>
    ok(listCustomerRequests(context.db).map(({ operatorId: _operatorId, ...entry }) => entry)),
} satisfies Partial<Handlers>;
