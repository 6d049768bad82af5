/**
 * Two deal pipelines: HubSpot's `default` with its standard stage ids,
 * and a custom one whose ids are numeric strings drawn from the seed, so
 * nobody can match stages by literal id.
 */
import type { Pipeline, PipelineStage } from './portal-types.js';
import type { Random } from './random.js';

/** Whether a stage is open, won or lost, read from its metadata. */
export type StageOutcome = 'open' | 'won' | 'lost';

interface StageSpec { id: string; label: string; probability: string;
  isClosed: boolean }

// HubSpot's default deal pipeline; default pipelines report createdAt 0.
const DEFAULT_STAGES: readonly StageSpec[] = [
  { id: 'appointmentscheduled', label: 'Appointment Scheduled',
    probability: '0.2', isClosed: false },
  { id: 'qualifiedtobuy', label: 'Qualified To Buy', probability: '0.4',
    isClosed: false },
  { id: 'presentationscheduled', label: 'Presentation Scheduled',
    probability: '0.6', isClosed: false },
  { id: 'decisionmakerboughtin', label: 'Decision Maker Bought-In',
    probability: '0.8', isClosed: false },
  { id: 'contractsent', label: 'Contract Sent', probability: '0.9',
    isClosed: false },
  { id: 'closedwon', label: 'Closed Won', probability: '1.0', isClosed: true },
  { id: 'closedlost', label: 'Closed Lost', probability: '0.0',
    isClosed: true },
];

const CUSTOM_STAGE_LABELS: ReadonlyArray<[string, string, boolean]> = [
  ['Discovery', '0.1', false],
  ['Proposal Sent', '0.5', false],
  ['Negotiation', '0.7', false],
  ['Signed', '1.0', true],
  ['Lost', '0.0', true],
];

const DAY_MILLIS = 86_400_000;

/** The default and one custom deal pipeline. */
export function generatePipelines(random: Random, now: Date): Pipeline[] {
  const epoch = new Date(0).toISOString();
  const created = new Date(now.getTime() - 1100 * DAY_MILLIS).toISOString();
  let stageId = random.int(80_000_000, 89_999_000);
  const customStages = CUSTOM_STAGE_LABELS.map(
    ([label, probability, isClosed]): StageSpec => {
      stageId += random.int(1, 40);
      return { id: String(stageId), label, probability, isClosed };
    });

  return [
    pipeline('default', 'Sales Pipeline', 0, DEFAULT_STAGES, epoch),
    pipeline(String(random.int(10_000_000, 99_999_999)),
      'Enterprise Renewals', 1, customStages, created),
  ];
}

/** Reads a stage's outcome from HubSpot's stage metadata. */
export function stageOutcome(stage: PipelineStage): StageOutcome {
  if (stage.metadata.isClosed !== 'true') return 'open';
  return Number(stage.metadata.probability) === 1 ? 'won' : 'lost';
}

/** Finds a stage by id across all pipelines. */
export function findStage(pipelines: readonly Pipeline[],
  stageId: string | null | undefined): PipelineStage | undefined {
  for (const candidate of pipelines) {
    const stage = candidate.stages.find((s) => s.id === stageId);
    if (stage) return stage;
  }
  return undefined;
}

function pipeline(id: string, label: string, displayOrder: number,
  stages: readonly StageSpec[], createdAt: string): Pipeline {
  return {
    id, label, displayOrder, createdAt, updatedAt: createdAt, archived: false,
    stages: stages.map((spec, index) => ({
      id: spec.id, label: spec.label, displayOrder: index,
      metadata: { isClosed: String(spec.isClosed),
        probability: spec.probability },
      createdAt, updatedAt: createdAt, archived: false,
    })),
  };
}
