import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { initI18n } from './i18n/index.js';
import './styles.css';

// Translations are bundled, so init resolves at once; rendering waits only to avoid a flash of keys.
await initI18n();
createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
