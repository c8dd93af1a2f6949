import { createRoot } from 'react-dom/client';
import { PrivacyApp } from './PrivacyApp';

createRoot(document.getElementById('root')!).render(<PrivacyApp />);
