/** The templates of the stage bench store: the built-ins (xiangmu-zipin among them). No file access, so the bundled summary job can import it. */
import { BUILTIN_TEMPLATES } from '../../shared/templates';

export const STAGE_TEMPLATES = BUILTIN_TEMPLATES;

/** The project 自评 the bench store's forms are of: its 汇总 lists the 15,000 project declarations (the units' 部门整体 forms have no 自评 here). */
export const STAGE_SELF_TEMPLATE = 'xiangmu-zipin';
