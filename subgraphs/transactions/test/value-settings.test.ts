import { ConfigError } from '@c360/shared';
import { readValueSettings } from '../src/value/value.settings';

describe('transactions value settings', () => {
  it('uses a 365-day RFM window unless TRANSACTIONS_VALUE_WINDOW_DAYS says otherwise', () => {
    expect(readValueSettings({})).toEqual({ windowDays: 365 });
    expect(readValueSettings({ TRANSACTIONS_VALUE_WINDOW_DAYS: '180' })).toEqual({ windowDays: 180 });
  });

  it.each(['30', '4000', 'a year'])('refuses a window of %s at boot', (raw) => {
    expect(() => readValueSettings({ TRANSACTIONS_VALUE_WINDOW_DAYS: raw })).toThrow(ConfigError);
  });
});
