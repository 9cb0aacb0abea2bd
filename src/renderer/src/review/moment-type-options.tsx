import { momentTypes, type MomentType } from '../../../domain/moments/moment-types';

/** The options of a moment-type choice, in the domain's order, each named by `typeLabel`. */
export function MomentTypeOptions({ typeLabel }: { typeLabel: (type: MomentType) => string }) {
  return momentTypes.map((type) => (
    <option key={type} value={type}>
      {typeLabel(type)}
    </option>
  ));
}
