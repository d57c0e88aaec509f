import { render } from 'preact';
import { injectStyles } from '../ui/styles';
import { SidePanel } from './SidePanel';

injectStyles(document);
render(<SidePanel />, document.getElementById('app')!);
