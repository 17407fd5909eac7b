/** The templates that ship with the app. Each is pure data (see shared/template/schema.ts). */
import type { TemplateDef } from '../template/schema';
import { bumenJiankong } from './bumen-jiankong';
import { bumenZipin } from './bumen-zipin';
import { bumenZhengti2015 } from './bumen-zhengti-2015';
import { bumenZhengti2019 } from './bumen-zhengti-2019';
import { bumenZhengtiHunan2023 } from './bumen-zhengti-hunan-2023';
import { xiangmuZhichu } from './xiangmu-zhichu';
import { xiangmuJiankong } from './xiangmu-jiankong';
import { xiangmuTiaozheng } from './xiangmu-tiaozheng';
import { xiangmuZipin } from './xiangmu-zipin';
import { xiangmuZhichu2015 } from './xiangmu-zhichu-2015';
import { xiangmuGuangxi2024 } from './xiangmu-guangxi-2024';
import { xiangmuHubei2021 } from './xiangmu-hubei-2021';

export const BUILTIN_TEMPLATES: readonly TemplateDef[] = [
  bumenZhengti2019,
  xiangmuZhichu,
  xiangmuZhichu2015,
  bumenZhengti2015,
  bumenZhengtiHunan2023,
  xiangmuTiaozheng,
  xiangmuJiankong,
  bumenJiankong,
  xiangmuZipin,
  bumenZipin,
  xiangmuHubei2021,
  xiangmuGuangxi2024,
];

/**
 * What label-keyed JSON without a "表" key and old callers mean: the form this app started with.
 * It is first in BUILTIN_TEMPLATES, which is what the store's registry answers (defaultTemplate).
 */
export const DEFAULT_TEMPLATE_ID = bumenZhengti2019.id;
