import { describe, expect, it } from 'vitest';
import { lossSummary, parseLoss } from './loss';

describe('parseLoss', () => {
  it('reads the devnet provider log, ignoring its other lines', () => {
    // The shape devnet/sim/fine-tuning-runner.ts writes: ISO time, [state], message.
    const log = [
      '2026-01-05T10:00:00.000Z [Init] task created: 41 dataset tokens, fee 41000000000000 neuron',
      '2026-01-05T10:00:01.000Z [SetUp] training started with params {"num_train_epochs":1,"learning_rate":0.0002,"max_steps":3}',
      '2026-01-05T10:00:02.000Z [Training] training step 1/4 loss 2.31',
      '2026-01-05T10:00:02.000Z [Training] training step 2/4 loss 1.96',
      '2026-01-05T10:00:02.000Z [Training] training step 3/4 loss 1.61',
      '2026-01-05T10:00:02.000Z [Training] training step 4/4 loss 1.26',
      '2026-01-05T10:00:03.000Z [Trained] training finished; adapter saved',
      '',
    ].join('\n');
    expect(parseLoss(log)).toEqual([
      { step: 1, loss: 2.31 },
      { step: 2, loss: 1.96 },
      { step: 3, loss: 1.61 },
      { step: 4, loss: 1.26 },
    ]);
  });

  it('reads Hugging Face dict lines, numbering steps itself, and skips other losses', () => {
    const log = [
      "{'loss': 1.9, 'grad_norm': 0.81, 'learning_rate': 0.0002, 'epoch': 0.25}",
      "{'loss': 1.5, 'grad_norm': 0.7, 'learning_rate': 0.00015, 'epoch': 0.5}",
      "{'eval_loss': 1.7, 'eval_runtime': 2.1, 'epoch': 0.5}",
      "{'loss': 1.2, 'learning_rate': 1e-05, 'epoch': 0.75}",
      "{'train_runtime': 20.5, 'train_loss': 1.53, 'epoch': 1.0}",
    ].join('\n');
    expect(parseLoss(log)).toEqual([
      { step: 1, loss: 1.9, epoch: 0.25 },
      { step: 2, loss: 1.5, epoch: 0.5 },
      { step: 3, loss: 1.2, epoch: 0.75 },
    ]);
  });

  it('reads 0G\'s "Step: n, Logs: {...}" lines and JSON lines', () => {
    const log =
      'Step: 0, Logs: {\'loss\': 2.5, \'accuracy\': 0.1}\nStep: 10, Logs: {\'loss\': 2.1}\n{"step": 20, "loss": 1.8, "epoch": 2}';
    expect(parseLoss(log)).toEqual([
      { step: 0, loss: 2.5 },
      { step: 10, loss: 2.1 },
      { step: 20, loss: 1.8, epoch: 2 },
    ]);
  });

  it('reads key=value and "step n loss x" styles, progress bars redrawn with \\r included', () => {
    const log = [
      'epoch=1 step=20 loss=0.98',
      'step 30 loss 0.91',
      'Step 40: Loss = 8.5e-1',
      ' 50%|#####     | 50/100 [00:10<00:10, loss=0.8]\r 60%|######    | 60/100 [00:12<00:08, loss=0.75]',
      'Validation loss: 1.4',
    ].join('\n');
    expect(parseLoss(log)).toEqual([
      { step: 20, loss: 0.98, epoch: 1 },
      { step: 30, loss: 0.91 },
      { step: 40, loss: 0.85 },
      { step: 41, loss: 0.8 },
      { step: 42, loss: 0.75 },
    ]);
  });

  it('leaves out NaN and infinite losses but keeps counting steps', () => {
    const log = "{'loss': 1.0}\n{'loss': nan}\nloss=inf\n{'loss': -Infinity}\nloss=1e999\n{'loss': 0.5}";
    expect(parseLoss(log)).toEqual([
      { step: 1, loss: 1 },
      { step: 6, loss: 0.5 },
    ]);
  });

  it('finds nothing in a log without losses', () => {
    expect(parseLoss('')).toEqual([]);
    expect(parseLoss('loss_scale: 1024\nlossless compression 3\nmax_steps=3')).toEqual([]);
  });
});

describe('lossSummary', () => {
  it('gives the first and last loss and the change', () => {
    expect(lossSummary(parseLoss('loss=2\nloss=1.5'))).toEqual({ first: 2, last: 1.5, change: -0.5 });
    expect(lossSummary([])).toBeNull();
  });
});
