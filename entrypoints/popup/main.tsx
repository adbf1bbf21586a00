import { render } from 'preact';
import { SearchPanel } from '../../components/SearchPanel.tsx';
import { sendMessage } from '../shared/messaging.ts';
import './popup.css';

const app = document.getElementById('app');
if (app) {
  render(
    <SearchPanel
      lang="vi"
      search={(query) => sendMessage('search', { query, limit: 20 })}
      open={(id) => sendMessage('lookup', { query: { kind: 'id', id }, date: null })}
      status={() => sendMessage('status', undefined)}
    />,
    app,
  );
}
