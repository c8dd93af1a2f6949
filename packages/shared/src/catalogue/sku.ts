/**
 * What a sku looks like everywhere in the graph: the ERP's own codes (not only the demo's SKU-00042),
 * 1 to 64 letters, digits and . _ : / - with no spaces, so every sku the catalogue accepts can be offered.
 */
export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;
export const SKU_RULE = 'must be 1 to 64 letters, digits or . _ : / - (no spaces), starting with a letter or digit';
