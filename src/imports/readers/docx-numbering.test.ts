import { beforeAll, describe, expect, it } from 'vitest';
import { createListCounter, formatListNumber } from './docx-numbering.ts';
import { loadXmlParser, parseXml } from './docx-xml.ts';

beforeAll(loadXmlParser);

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

describe('formatListNumber', () => {
  it('writes numbers as Word does', () => {
    expect(formatListNumber(4, 'decimal')).toBe('4');
    expect(formatListNumber(3, 'lowerLetter')).toBe('c');
    expect(formatListNumber(27, 'upperLetter')).toBe('AA');
    expect(formatListNumber(14, 'lowerRoman')).toBe('xiv');
    expect(formatListNumber(1999, 'upperRoman')).toBe('MCMXCIX');
    expect(formatListNumber(7, 'decimalZero')).toBe('07');
  });
});

describe('createListCounter', () => {
  it('counts per level, restarts deeper levels, honours a start override and knows bullets', () => {
    const numbering = parseXml(
      `<w:numbering ${W}>` +
        '<w:abstractNum w:abstractNumId="0">' +
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>' +
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>' +
        '</w:abstractNum>' +
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>' +
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>' +
        '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>' +
        '</w:numbering>',
    );
    const next = createListCounter(numbering);
    const labels = [
      next({ numId: '1', level: 0 }),
      next({ numId: '1', level: 1 }),
      next({ numId: '1', level: 1 }),
      next({ numId: '1', level: 0 }),
      next({ numId: '1', level: 1 }),
      next({ numId: '2', level: 0 }),
      next({ numId: '3', level: 0 }),
      next({ numId: '9', level: 0 }),
    ];
    expect(labels).toEqual([
      { kind: 'number', label: '1.' },
      { kind: 'number', label: '1.1' },
      { kind: 'number', label: '1.2' },
      { kind: 'number', label: '2.' },
      { kind: 'number', label: '2.1' },
      { kind: 'number', label: '5.' },
      { kind: 'bullet' },
      null,
    ]);
  });
});
