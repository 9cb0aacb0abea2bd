import type { MethodInput, MethodName, MethodOutput } from '../../src/contract/methods';
import type { ServiceContext } from '../../src/services/context';
import { createDispatch } from '../../src/services/dispatch';
import { handlers } from '../../src/services/handlers';

/**
 * The real dispatch over a test context (outputs checked against the contract), plus `call`, which returns the value
 * of a call that must succeed and throws with the error code otherwise.
 */
export function serviceDispatch(context: ServiceContext) {
  const dispatch = createDispatch(handlers, context, { checkOutputs: true });
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  return { dispatch, call };
}
