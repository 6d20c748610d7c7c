import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@fontsource/noto-sans/400.css'
import '@fontsource/noto-sans/600.css'
import '@fontsource/noto-naskh-arabic/400.css'
import '@fontsource/noto-naskh-arabic/600.css'
import './app/styles.css'
import { App } from './app/App.tsx'
import { setupI18n } from './i18n/setupI18n.ts'

const container = document.getElementById('root')
if (container === null) throw new Error('index.html has no #root element')

void setupI18n().then(() => {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
})
