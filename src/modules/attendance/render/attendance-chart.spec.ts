import {
  type AttendanceChartData,
  chartDayColor,
  chartScale,
  EMPTY_CHART_TEXT,
  renderAttendanceChart,
} from './attendance-chart';

function buildChartData(overrides: Partial<AttendanceChartData> = {}): AttendanceChartData {
  return {
    title: 'Kehadiran per Hari dan Delegasi',
    dayLabels: ['Selasa, 28 Juni 2022', 'Rabu, 29 Juni 2022'],
    delegations: [
      { name: 'Kementerian Dalam Negeri', present: [10, 5] },
      { name: 'Pemerintah Kota Bandung', present: [0, 4] },
    ],
    ...overrides,
  };
}

/** The widths of the bars, in the order drawn (the legend's 10-point squares are left out). */
const barWidths = (svg: string) =>
  [...svg.matchAll(/<rect x="236" y="[\d.]+" width="([\d.]+)"/g)].map((match) => Number(match[1]));

describe(renderAttendanceChart.name, () => {
  it('should draw one bar per delegation and day, to one scale, with the counts', () => {
    const svg = renderAttendanceChart(buildChartData());

    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(barWidths(svg)).toEqual([428, 214, 0, 171.2]);
    for (const count of ['10', '5', '0', '4']) expect(svg).toContain(`>${count}</text>`);
    expect(svg).toContain('<title id="chart-title">Kehadiran per Hari dan Delegasi</title>');
    expect(svg).toContain('>Selasa, 28 Juni 2022</text>');
    expect(svg).toContain('>Pemerintah Kota Bandung</text>');
  });

  it('should give each day its own colour in the bars and the legend', () => {
    const svg = renderAttendanceChart(buildChartData());

    expect(svg.match(/fill="#1f4e79"/g)).toHaveLength(3);
    expect(svg.match(/fill="#c55a11"/g)).toHaveLength(3);
  });

  it('should escape names that hold markup', () => {
    const svg = renderAttendanceChart(
      buildChartData({
        title: 'A & B',
        delegations: [{ name: '<script>alert("x")</script>', present: [1, 1] }],
      }),
    );

    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(svg).toContain('A &amp; B');
  });

  it('should squeeze a long name into its column rather than cut it', () => {
    const name = 'Badan Pengembangan Sumber Daya Manusia Kementerian Dalam Negeri';
    const svg = renderAttendanceChart(buildChartData({ delegations: [{ name, present: [3, 2] }] }));

    expect(svg).toContain(`textLength="212" lengthAdjust="spacingAndGlyphs">${name}</text>`);
  });

  it('should grow downwards with the delegations', () => {
    const heightOf = (svg: string) => Number(/height="(\d+)"/.exec(svg)?.[1]);
    const one = renderAttendanceChart(
      buildChartData({ delegations: [{ name: 'A', present: [1, 1] }] }),
    );
    const three = renderAttendanceChart(
      buildChartData({
        delegations: ['A', 'B', 'C'].map((name) => ({ name, present: [1, 1] })),
      }),
    );

    expect(heightOf(three) - heightOf(one)).toBe(2 * (2 * 12 + 10));
  });

  it.each([
    ['no delegations', { delegations: [] }],
    ['no days', { dayLabels: [], delegations: [{ name: 'A', present: [] }] }],
  ])('should say there is no data when there are %s', (_case, overrides) => {
    const svg = renderAttendanceChart(buildChartData(overrides));

    expect(svg).toContain(EMPTY_CHART_TEXT);
    expect(barWidths(svg)).toEqual([]);
  });
});

describe(chartDayColor.name, () => {
  it('should give the days their own colours and reuse them after the sixth', () => {
    const colors = Array.from({ length: 7 }, (_, day) => chartDayColor(day));

    expect(new Set(colors.slice(0, 6)).size).toBe(6);
    expect(colors[6]).toBe(colors[0]);
  });
});

describe(chartScale.name, () => {
  it.each([
    ['the largest count', buildChartData(), 10],
    [
      '1 when every count is 0',
      buildChartData({ delegations: [{ name: 'A', present: [0, 0] }] }),
      1,
    ],
    ['1 when there are no delegations', buildChartData({ delegations: [] }), 1],
  ])('should scale to %s', (_case, data, scale) => {
    expect(chartScale(data)).toBe(scale);
  });
});
