export type { Transport } from '../../../contract/transport';
export type { MethodInput, MethodName, MethodOutput } from '../../../contract/methods';
