import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './ConsoleApp';

createRoot(document.getElementById('root')!).render(<ConsoleApp />);
