// What a Problem means for the user, and what they can do about it.
import type { Problem } from '../core/types';
import { t } from './i18n';

export function problemText(p: Problem): string {
  return t(`problem_${p.code.replace(/-/g, '_')}`);
}

export function problemAdvice(p: Problem): string {
  return t(`problemFix_${p.code.replace(/-/g, '_')}`);
}
