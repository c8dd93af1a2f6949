import { ConfigError } from '@c360/shared';
import { readValueSettings } from '../src/value/value.settings';

describe('transactions value settings', () => {
  it('uses a 365-day RFM window and a daily full refresh unless the environment says otherwise', () => {
    expect(readValueSettings({})).toEqual({ windowDays: 365, refreshHours: 24 });
    expect(readValueSettings({ TRANSACTIONS_VALUE_WINDOW_DAYS: '180', TRANSACTIONS_VALUE_REFRESH_HOURS: '0' })).toEqual({ windowDays: 180, refreshHours: 0 });
  });

  it.each(['-1', '577', 'daily'])('refuses a refresh interval of %s hours at boot (at most 24 days, as a timer allows)', (raw) => {
    expect(() => readValueSettings({ TRANSACTIONS_VALUE_REFRESH_HOURS: raw })).toThrow(ConfigError);
  });

  it.each(['30', '4000', 'a year'])('refuses a window of %s at boot', (raw) => {
    expect(() => readValueSettings({ TRANSACTIONS_VALUE_WINDOW_DAYS: raw })).toThrow(ConfigError);
  });
});
