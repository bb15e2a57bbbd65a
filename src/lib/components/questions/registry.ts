import type { Component } from 'svelte';
import BooleanQuestion from './BooleanQuestion.svelte';
import Checkbox from './Checkbox.svelte';
import Comment from './Comment.svelte';
import Dropdown from './Dropdown.svelte';
import Html from './Html.svelte';
import ImagePicker from './ImagePicker.svelte';
import RadioGroup from './RadioGroup.svelte';
import Rating from './Rating.svelte';
import TextQuestion from './TextQuestion.svelte';
import type { QuestionProps } from './types';

/** One component per question type; a type without one is an error, never a blank page. */
export const questionComponents: Record<string, Component<QuestionProps>> = {
	radiogroup: RadioGroup,
	boolean: BooleanQuestion,
	rating: Rating,
	checkbox: Checkbox,
	dropdown: Dropdown,
	comment: Comment,
	text: TextQuestion,
	imagepicker: ImagePicker,
	html: Html
};

export function componentFor(type: string): Component<QuestionProps> {
	const component = questionComponents[type];
	if (!component) throw new Error(`No component for question type "${type}"`);
	return component;
}
