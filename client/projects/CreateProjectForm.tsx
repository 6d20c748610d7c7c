import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useSubmit } from '../http/useSubmit.ts'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { createProject } from './projectsApi.ts'

/** Administrators only: names a new project and opens it. */
export function CreateProjectForm() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [name, setName] = useState('')
  const { onSubmit, isSubmitting, error } = useSubmit(async () => {
    const project = await createProject(name.trim())
    await navigate(`/projects/${encodeURIComponent(project.id)}`)
  })
  return (
    <form className="panel" onSubmit={onSubmit} data-testid="create-project-form">
      <h2>{t('projects.createTitle')}</h2>
      <div className="field">
        <label className="field__label" htmlFor="project-name">
          {t('projects.name')}
        </label>
        <input
          id="project-name"
          name="name"
          className="field__input"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={200}
          dir="auto"
          required
        />
      </div>
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {t('projects.create')}
      </button>
    </form>
  )
}
