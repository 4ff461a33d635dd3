// @vitest-environment jsdom
// The app-level error boundary: a page that fails to render leaves the header usable and can be retried
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { navigate } from '#client/lib/router.tsx'
import { App } from './app.tsx'

const page = vi.hoisted(() => ({ broken: false }))

vi.mock('#client/features/imports-dashboard/imports-page.tsx', () => ({
  ImportsPage: () => {
    if (page.broken) throw new Error('the imports page broke')
    return <h1>Imports</h1>
  },
}))

beforeEach(() => {
  window.history.replaceState(null, '', '/')
  vi.stubGlobal(
    'fetch',
    async () => new Response(JSON.stringify({ mode: 'simulator' }), { status: 200 }),
  )
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  cleanup()
  page.broken = false
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('App', () => {
  it('shows the error in place of a page that fails, and "Try again" renders it anew', () => {
    page.broken = true
    render(<App />)
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toMatch(/Something went wrong on this page/)
    expect(alert.textContent).toMatch(/the imports page broke/)
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy()

    page.broken = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(screen.getByRole('heading', { name: 'Imports' })).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('leaves the error behind when another page is opened', () => {
    page.broken = true
    render(<App />)
    expect(screen.getByRole('alert')).toBeTruthy()
    act(() => navigate('/nowhere'))
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
