import { createRoot } from 'react-dom/client'
import { bridge } from './api/bridge'

function App() {
  return <div>Guichet ({bridge.host})</div>
}

createRoot(document.getElementById('root')!).render(<App />)
