/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../components/popup/Popup';
import type { PopupActions } from '../../components/popup/actions';
import { G } from '../fixtures/link-rows';

const LINK = `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`;
function setup(initialText = '') {
  const actions: PopupActions = { copy: vi.fn(async () => true), open: vi.fn(async () => {}) };
  render(<Popup initialText={initialText} actions={actions} />);
  return actions;
}
const verdict = () => screen.getByTestId('verdict');

afterEach(cleanup);

describe('Popup', () => {
  it('empty: a focused paste box and a hint, no verdict', () => {
    setup();
    expect(screen.getByLabelText('Paste a link or a whole email')).toBe(document.activeElement);
    expect(screen.getByText(/Nothing to check yet/)).toBeTruthy();
    expect(screen.queryByTestId('verdict')).toBeNull();
  });

  it('valid: says genuine and complete, shows the parts, copies and opens the canonical link', async () => {
    const actions = setup(`Hi, ${LINK}.`);
    expect(verdict().dataset.verdict).toBe('valid');
    expect(verdict().textContent).toContain('Genuine and complete');
    expect(screen.getByTestId('hint').textContent).toBe('contoso.com');
    expect(screen.getByTestId('canonical').textContent).toBe(LINK);
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await screen.findByRole('button', { name: 'Copied' });
    expect(actions.copy).toHaveBeenCalledWith(LINK);
    fireEvent.click(screen.getByRole('button', { name: 'Open link' }));
    expect(actions.open).toHaveBeenCalledWith(LINK);
  });

  it('repairable: asks only for what is missing, validates it and shows the repaired link at once', () => {
    setup(`https://myaccess.microsoft.com/#/access-packages/${G}`);
    expect(verdict().textContent).toContain('Genuine but incomplete');
    expect(screen.queryByLabelText('Access package ID')).toBeNull();
    const field = screen.getByLabelText("Organisation's domain or tenant ID");
    fireEvent.input(field, { target: { value: 'contoso' } });
    expect(verdict().textContent).toContain('not a domain (contoso.com)');
    expect(screen.queryByTestId('canonical')).toBeNull();
    fireEvent.input(field, { target: { value: 'contoso.com' } });
    expect(verdict().dataset.verdict).toBe('valid');
    expect(screen.getByTestId('canonical').textContent).toBe(LINK);
  });

  it('dangerous: says so in words, names where it really leads, offers no copy or open', () => {
    setup(`https://myaccess.microsoft.com@evil.example/#/access-packages/${G}`);
    expect(verdict().dataset.verdict).toBe('dangerous');
    expect(verdict().textContent).toContain('Dangerous: not a real My Access link');
    expect(verdict().textContent).toContain('It really leads to: evil.example');
    expect(verdict().querySelector('[data-code="host-userinfo"]')?.getAttribute('data-severity')).toBe('error');
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
  });

  it('invalid: says it is not a My Access link', () => {
    setup('https://www.contoso.com/about');
    expect(verdict().dataset.verdict).toBe('invalid');
    expect(verdict().textContent).toContain('This is not a My Access link.');
  });

  it('several links: lists each with its verdict and shows the one chosen', () => {
    setup(`One ${LINK}\nTwo https://myaccess-microsoft.com/@contoso.com#/access-packages/${G}`);
    expect(screen.getByText('2 links found: choose one')).toBeTruthy();
    const choices = screen.getAllByRole('button', { pressed: false }).concat(screen.getAllByRole('button', { pressed: true }));
    expect(choices).toHaveLength(2);
    expect(verdict().dataset.verdict).toBe('valid');
    fireEvent.click(screen.getByRole('button', { name: /Dangerous/ }));
    expect(verdict().dataset.verdict).toBe('dangerous');
  });

  it('a failed copy says what to do instead', async () => {
    render(<Popup initialText={LINK} actions={{ copy: async () => false, open: async () => {} }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect((await screen.findByRole('alert')).textContent).toContain('press Ctrl+C');
  });
});
