import { render } from 'preact';
import { injectStyles } from '../ui/styles';
import { Popup } from './Popup';

injectStyles(document);
render(<Popup />, document.getElementById('app')!);
