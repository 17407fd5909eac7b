/** The templates of the stage bench store: the built-ins and xiangmu-zipin (not yet built in). No file access, so the bundled summary job can import it. */
import { BUILTIN_TEMPLATES } from '../../shared/templates';
import { xiangmuZipin } from '../../shared/templates/xiangmu-zipin';

export const STAGE_TEMPLATES = [...BUILTIN_TEMPLATES.filter((t) => t.id !== xiangmuZipin.id), xiangmuZipin];
