import { render } from 'preact';
import { injectStyles } from '../ui/styles';
import { Options } from './Options';

injectStyles(document);
render(<Options />, document.getElementById('app')!);
