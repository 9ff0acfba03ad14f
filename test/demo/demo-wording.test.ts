/** The demo's generated text reads as a person wrote it (issue #15, item 22, in part): "an 11% change", not "a 11%". */
import { buildDemoDataset } from '../../demo';
import { recordRows } from './record-rows';

const data = buildDemoDataset();
const recordProperties = recordRows(data);
const texts = recordProperties.map((p) => (JSON.parse(p.valueText) as { hypothesis: string }).hypothesis);

describe("the demo's wording", () => {
  it('puts "an" before numbers read with a vowel sound (8, 11, 18, 80–89) and "a" before the others', () => {
    const wrongA = texts.filter((t) => /\ba (8\d?|11|18)%/.test(t));
    const wrongAn = texts.filter((t) => /\ban (?!8\d?%|11%|18%)\d+%/.test(t));
    expect(wrongA).toEqual([]);
    expect(wrongAn).toEqual([]);
    expect(texts.some((t) => /\ban (8\d?|11|18)% change/.test(t))).toBe(true);
  });
});
