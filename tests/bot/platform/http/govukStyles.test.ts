import { expect } from 'chai';
import { withoutGdsTransport } from '../../../../bot/platform/http/govukStyles';

describe('withoutGdsTransport', () => {
  it('drops the GDS Transport typeface from GOV.UK Frontend styles', () => {
    const css = '@font-face{font-family:"GDS Transport";src:url(/assets/fonts/a.woff2)}.govuk-body{font-family:"GDS Transport",arial,sans-serif}';
    expect(withoutGdsTransport(css)).to.equal('.govuk-body{font-family:arial,sans-serif}');
  });
});
