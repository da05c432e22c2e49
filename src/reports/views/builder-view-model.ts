import { ragLabel, ragOrder } from '../model/rag.ts';
import { sectionIds, sectionLabels, standardAudiences } from '../build/report-request.ts';
import type { ReportFormValues } from '../build/report-form.ts';
import { formatReportDate } from '../writers/report-dates.ts';
import type { ReportService } from '../report-service.ts';

type PageData = Awaited<ReturnType<ReportService['builderPage']>>;

interface Option { value: string; text: string; selected?: boolean }

const choose = (value: string, options: Option[]): Option[] => options.map((option) => ({ ...option, selected: option.value === value }));

/** The report builder form's choices, with what was typed selected. */
export function builderViewModel(data: PageData, values: ReportFormValues) {
  const period = (p: PageData['periods'][number]) => `${p.label} (${formatReportDate(p.period_start)} to ${formatReportDate(p.period_end)})`;
  const audienceIsOther = values.audience === 'other';
  return {
    templateItems: choose(values.template, [
      { value: '', text: 'No template: the standard layout' },
      ...data.templates.map((t) => ({ value: t.id, text: t.default_audience ? `${t.name} (usually for ${t.default_audience})` : t.name })),
    ]),
    periodItems: choose(values.period, [
      { value: '', text: 'No period: use the date below' },
      ...data.periods.map((p) => ({ value: p.id, text: period(p) })),
    ]),
    audienceItems: [
      ...standardAudiences.map((audience) => ({ value: audience, text: audience, checked: values.audience === audience })),
      { value: 'other', text: 'Another audience', checked: audienceIsOther },
    ],
    themeItems: choose(values.theme, [{ value: '', text: 'All themes' }, ...data.themes.map((t) => ({ value: t.title, text: t.title }))]),
    leadItems: choose(values.lead, [{ value: '', text: 'All lead officers' }, ...data.leads.map((l) => ({ value: l.id, text: l.name }))]),
    ragItems: choose(values.rag, [{ value: '', text: 'All ratings' }, ...ragOrder.map((code) => ({ value: code, text: ragLabel(code) }))]),
    statusItems: choose(values.status, [{ value: '', text: 'All statuses' }, ...data.statuses.map((s) => ({ value: s, text: s }))]),
    sectionItems: sectionIds.map((id) => ({ value: id, text: sectionLabels[id], checked: values.sections.includes(id) })),
    planItems: data.otherPlans.map((p) => ({ value: p.id, text: p.title, checked: values.plans.includes(p.id) })),
  };
}
