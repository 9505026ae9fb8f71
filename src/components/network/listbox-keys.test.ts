import { describe, expect, it } from 'vitest';
import { listboxKey } from './listbox-keys';

const labels = ['0G Mainnet', 'Galileo Testnet', 'Local devnet'];
const closed = (active: number) => ({ open: false, active, labels });
const open = (active: number) => ({ open: true, active, labels });

describe('listboxKey', () => {
  it('never commits on an arrow, Home, End or type-ahead', () => {
    for (const state of [closed(2), open(2), open(0)])
      for (const key of ['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', 'g', 'L'])
        expect(listboxKey(key, state)?.type).not.toBe('commit');
  });

  it('opens on the chosen option from the arrows, Enter and Space; Home and End open at the ends', () => {
    for (const key of ['ArrowDown', 'ArrowUp', 'Enter', ' '])
      expect(listboxKey(key, closed(2))).toEqual({ type: 'open', index: 2 });
    expect(listboxKey('Home', closed(2))).toEqual({ type: 'open', index: 0 });
    expect(listboxKey('End', closed(0))).toEqual({ type: 'open', index: 2 });
  });

  it('moves within the list without wrapping', () => {
    expect(listboxKey('ArrowUp', open(2))).toEqual({ type: 'move', index: 1 });
    expect(listboxKey('ArrowUp', open(0))).toEqual({ type: 'move', index: 0 });
    expect(listboxKey('ArrowDown', open(2))).toEqual({ type: 'move', index: 2 });
    expect(listboxKey('Home', open(2))).toEqual({ type: 'move', index: 0 });
    expect(listboxKey('End', open(0))).toEqual({ type: 'move', index: 2 });
  });

  it('commits the highlighted option on Enter or Space; Escape and Tab close without a choice', () => {
    expect(listboxKey('Enter', open(1))).toEqual({ type: 'commit', index: 1 });
    expect(listboxKey(' ', open(0))).toEqual({ type: 'commit', index: 0 });
    expect(listboxKey('Escape', open(1))).toEqual({ type: 'close' });
    expect(listboxKey('Tab', open(1))).toEqual({ type: 'close' });
  });

  it('jumps by first letter, wrapping, and leaves other keys alone', () => {
    expect(listboxKey('g', open(2))).toEqual({ type: 'move', index: 1 });
    expect(listboxKey('0', closed(2))).toEqual({ type: 'open', index: 0 });
    expect(listboxKey('x', open(0))).toBeNull();
    expect(listboxKey('Escape', closed(0))).toBeNull();
    expect(listboxKey('Tab', closed(0))).toBeNull();
    expect(listboxKey('ArrowDown', { open: false, active: 0, labels: [] })).toBeNull();
  });
});
