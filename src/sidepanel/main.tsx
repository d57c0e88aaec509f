import { render } from 'preact';
render(<p>Livechat Tasks</p>, document.getElementById('app')!);
