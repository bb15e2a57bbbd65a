import type { Framework } from '../../domain/frameworks';
import type { MeasureKind } from '../../domain/measure-kinds';
import type { Respondent } from '../../domain/respondents';
import catalogue from './measures.json';

export interface MeasureDefinition {
	id: string;
	label: string;
	/** A Lancashire outcome statement, a reporting heading, or a Dorset outcome. */
	outcome: string;
	framework: Framework;
	respondent: Respondent;
	kind: MeasureKind;
}

export const measures = catalogue.measures as MeasureDefinition[];

export const measureIds: ReadonlySet<string> = new Set(measures.map((m) => m.id));
