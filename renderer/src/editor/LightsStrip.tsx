/**
 * The summary strip of a 监控表's lights (shared/checks/monitoringLights.ts): how many indicators
 * are red, yellow, green and blue at the form's month, the spending light and the project's worst
 * light, recounted as the clerk types. Red and yellow rows also carry their 提醒 on the row's cell.
 */
import { formLights } from '../../../shared/checks/monitoringLights';
import { LIGHT_NAMES, type Light } from '../../../shared/stage/lights';
import type { FormStore } from './formStore';
import { useStoreVersion } from './hooks';

const COLORS: Record<Light, string> = { red: '#e03131', yellow: '#f0b400', green: '#2f9e44', blue: '#1c7ed6' };
const ORDER: readonly Light[] = ['red', 'yellow', 'green', 'blue'];

const Dot = ({ light }: { light: Light }) => <span className="light-dot" style={{ background: COLORS[light] }} aria-hidden="true" />;

export function LightsStrip({ store }: { store: FormStore }) {
  useStoreVersion(store);
  const lights = formLights(store.template, store.data());
  if (!lights) return null;
  const count = (l: Light) => lights.rows.filter((r) => r?.light === l).length;
  const none = lights.rows.filter((r) => !r).length;
  return (
    <div className="lights-strip" data-testid="lights-strip" role="status" aria-label="预警信号灯">
      <span className="lights-title">预警（1-{lights.month || 'N'}月）：</span>
      {ORDER.map((l) => (
        <span key={l} className="lights-count" data-light={l} data-count={count(l)}>
          <Dot light={l} />
          {LIGHT_NAMES[l]} {count(l)}
        </span>
      ))}
      {none > 0 && <span className="lights-count">未判断 {none}</span>}
      <span className="lights-count" data-spending={lights.spending?.light ?? ''}>
        资金执行：
        {lights.spending ? (
          <>
            <Dot light={lights.spending.light} />
            {LIGHT_NAMES[lights.spending.light]}（{lights.spending.why}）
          </>
        ) : (
          '未填执行数'
        )}
      </span>
      {lights.worst && (
        <span className="lights-count" data-worst={lights.worst}>
          目标预警：
          <Dot light={lights.worst} />
          {LIGHT_NAMES[lights.worst]}
        </span>
      )}
    </div>
  );
}
